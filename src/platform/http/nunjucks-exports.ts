/**
 * Nunjucks runs an imported template's top level again for every `{% from "…" import … %}` of every render,
 * only to collect the macros it defines (`Template.getExported`). The pages import ~30 GOV.UK and MoJ
 * component macro files, so that was a fifth of the person page's CPU (docs/performance.md, "Templates:
 * imported macros kept"). An import without `with context` runs in a fresh, empty context, so what it exports
 * is the same every time: it is kept on the template object and given back. An import `with context` sees the
 * importing page's variables and still runs every time. A reloaded template (`--reload-templates`) is a new
 * object, so nothing stale is kept.
 */
import nunjucks from 'nunjucks';

type ExportedCallback = (error: unknown, exported: unknown) => void;
type GetExported = (ctx: unknown, parentFrame?: unknown, cb?: ExportedCallback) => void;

const kept = new WeakMap<object, unknown>();
let installed = false;

export function keepImportedMacros(): void {
  if (installed) return;
  installed = true;
  const prototype = nunjucks.Template.prototype as unknown as { getExported: GetExported };
  const original = prototype.getExported;
  prototype.getExported = function (this: object, ctx: unknown, parentFrame?: unknown, cb?: ExportedCallback) {
    // Compiled `{% from "x" import y %}` calls getExported(callback); with context it passes variables and a frame.
    if (typeof ctx !== 'function' || parentFrame !== undefined || cb !== undefined) return original.call(this, ctx, parentFrame, cb);
    const done = ctx as ExportedCallback;
    if (kept.has(this)) return done(null, kept.get(this));
    return original.call(this, (error: unknown, exported: unknown) => {
      if (!error) kept.set(this, exported);
      done(error, exported);
    });
  };
}

/**
 * The chronology as a PDF for an investigation bundle: the person, the date it was made, the filters used,
 * and every entry (date, what happened, detail). The case file JSON is downloaded beside it.
 */
import { formatCivilDate } from '../register/view-shaping/format.ts';
import { chronologyTypeLabels, type ChronologyEntry } from './build-chronology.ts';

export async function chronologyPdf(input: { personName: string; personId: string; madeOn: string; filters: string; entries: readonly ChronologyEntry[] }): Promise<Buffer> {
  // Loaded when a bundle is first made: PDFKit holds ~7 MB of heap that a server never making a PDF does not need.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Chronology – ${input.personName}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(`Chronology: ${input.personName}`);
    doc.fontSize(10).text(`Person ${input.personId}. Made on ${formatCivilDate(input.madeOn)}. ${input.filters}`);
    doc.moveDown();
    for (const entry of input.entries) {
      doc.fontSize(11).font('Helvetica-Bold').text(`${entry.date ? formatCivilDate(entry.date) : 'Undated'} — ${entry.title}`);
      doc.fontSize(10).font('Helvetica').text(`${chronologyTypeLabels[entry.type]} ${entry.recordId}: ${entry.detail}`);
      doc.moveDown(0.5);
    }
    doc.end();
  });
}

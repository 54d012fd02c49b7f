/**
 * A letter as an accessible PDF: tagged (headings and paragraphs in the structure tree), with its title and
 * language set, in Helvetica (shipped with PDFKit, so nothing is downloaded), real text that can be copied
 * and read aloud, and large print (18 point body) when the person's communication needs ask for it. One
 * page per addressee, each addressed to them.
 */
import type { Letter } from './letter-content.ts';

export async function letterPdf(letter: Letter): Promise<Buffer> {
  // Loaded when a letter is first made: PDFKit and its fonts' code hold ~7 MB of heap that a server never making a PDF does not need.
  const { default: PDFDocument } = await import('pdfkit');
  const large = letter.adjustments.largePrint;
  const body = large ? 18 : 12;
  const heading = large ? 22 : 15;
  const doc = new PDFDocument({
    size: 'A4', margin: 64, pdfVersion: '1.7', tagged: true, lang: 'en-GB', displayTitle: true, autoFirstPage: false,
    info: { Title: letter.title, Author: letter.sender.organisation, Subject: letter.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const para = (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) => {
    root.add(doc.struct('P', {}, () => {
      doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size ?? body).text(text, { lineGap: large ? 4 : 2 });
    }));
    doc.moveDown(options.gap ?? 0.6);
  };
  const copies = letter.copies.length > 0 ? letter.copies : [{ ref: 'file', name: 'the case file', address: [], greeting: 'For the case file', copyNote: 'Nobody receives this letter. It is kept on the case.' }];
  for (const copy of copies) {
    doc.addPage();
    para(letter.sender.organisation, { bold: true, gap: 1 });
    if (copy.address.length > 0) para([copy.name, ...copy.address].join('\n'), { gap: 1 });
    para(letter.date, { gap: 1 });
    if (copy.copyNote) para(copy.copyNote, { bold: true, gap: 1 });
    root.add(doc.struct('H1', {}, () => {
      doc.font('Helvetica-Bold').fontSize(heading + 3).text(letter.title);
    }));
    doc.moveDown(0.6);
    para(`${copy.greeting},`);
    for (const paragraph of letter.paragraphs) {
      if (paragraph.heading) {
        root.add(doc.struct('H2', {}, () => {
          doc.font('Helvetica-Bold').fontSize(heading).text(paragraph.heading ?? '');
        }));
        doc.moveDown(0.3);
      }
      para(paragraph.text);
    }
    para('Yours sincerely,', { gap: 0.3 });
    para(`${letter.sender.name}\n${letter.sender.organisation}`);
  }
  root.end();
  doc.end();
  return done;
}

// Self-contained HTML: every piece of transcript text is escaped (never raw HTML from a transcript),
// UTF-8 declared, and a small print style so the page prints as a clean handout. Also well-formed XML.

export function esc(s: string): string {
  return stripControl(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Characters XML 1.0 cannot carry (they would break the .docx and XHTML too). */
export function stripControl(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Line breaks inside escaped text become <br/>. */
export const escLines = (s: string) => esc(s.replace(/\r\n?/g, '\n').trim()).split('\n').join('<br/>\n');

const STYLE = `body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1,h2,h3,h4,h5,h6{font-family:Helvetica,Arial,sans-serif;line-height:1.2;margin:1.4em 0 .4em}
.meta{color:#555;font-size:.9em;margin:.1em 0}
.definition{font-style:italic;color:#333}
blockquote{margin:.8em 0 .8em 1.5em;padding-left:.8em;border-left:3px solid #bbb}
blockquote p{margin:0}
.cite{display:block;margin-top:.2em;font-size:.9em;color:#333}
.none{color:#777}
@media print{body{margin:0;max-width:none}blockquote,h1,h2,h3,h4,h5,h6{break-inside:avoid}h1,h2,h3,h4,h5,h6{break-after:avoid}}`;

export function htmlPage(title: string, body: string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${esc(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

export const hTag = (level: number, text: string) => {
  const n = Math.min(6, Math.max(1, level));
  return `<h${n}>${esc(text)}</h${n}>`;
};

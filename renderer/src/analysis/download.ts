/** Saves text as a file through the browser's download (works the same in Electron and the web mode). */
export function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart as a standalone SVG file. */
export function downloadSvg(name: string, svg: SVGSVGElement | null): void {
  if (svg) download(name, 'image/svg+xml', new XMLSerializer().serializeToString(svg));
}

export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';

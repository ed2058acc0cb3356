/** Saves text or bytes as a file through the browser's download (works the same in Electron and the web mode). */
export function download(name: string, type: string, body: string | Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API returned as base64 (figures, reports, .qdpx), saved as a download. */
export function downloadBase64(name: string, type: string, base64: string): void {
  download(
    name,
    type,
    Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
  );
}

/** A File as base64, the way the API carries bytes (FileReader: no whole-file string juggling in JS). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error(r.error?.message ?? 'could not read the file'));
    r.readAsDataURL(file);
  });
}

/** A chart as a standalone SVG file. */
export function downloadSvg(name: string, svg: SVGSVGElement | null): void {
  if (svg) download(name, 'image/svg+xml', new XMLSerializer().serializeToString(svg));
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'chart';

import { downloadBlob } from '../charts/download.ts';

export { downloadBlob };

/** A binary file the contract carried as base64 (a workbook, a zip of profiles). */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: mimeType }));
}

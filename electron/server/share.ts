import os from 'node:os';
import QRCode from 'qrcode';
import type { ShareInfo } from '../core/context.ts';

/** The address people type or scan: a LAN address when the server listens on every interface. */
export function shareHost(listenHost: string): string {
  if (listenHost !== '0.0.0.0' && listenHost !== '::') return listenHost;
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return listenHost;
}

/** `http://HOST:PORT/#token=T`: the token rides in the fragment, so it never reaches a log or a Referer. */
export function linkWith(base: string, token: string): string {
  return `${base}#token=${token}`;
}

/** The read link with its QR code as cells (the Settings screen draws them as SVG). */
export function shareInfo(readLink: string): ShareInfo {
  const { modules } = QRCode.create(readLink, { errorCorrectionLevel: 'M' });
  let cells = '';
  for (let i = 0; i < modules.data.length; i++) cells += modules.data[i] ? '1' : '0';
  return { readLink, qr: { size: modules.size, cells } };
}

/** The QR code for a terminal: coloured blocks on a TTY, plain Unicode half-blocks otherwise. */
export function terminalQr(text: string, tty: boolean): Promise<string> {
  return tty ? QRCode.toString(text, { type: 'terminal', small: true }) : QRCode.toString(text, { type: 'utf8' });
}

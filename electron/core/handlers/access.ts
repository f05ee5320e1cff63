import type { Handlers } from '../dispatch.ts';

export const accessHandlers: Pick<Handlers, 'share-info'> = {
  'share-info': (_input, ctx) => ({ readLink: ctx.share?.readLink ?? null, qr: ctx.share?.qr ?? null }),
};

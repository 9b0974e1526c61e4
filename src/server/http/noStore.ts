// Every /api answer is `Cache-Control: no-store` unless its route chose otherwise (a photo is
// `private`): enroll answers carry a token, and pulls, reports and the roster carry personal
// data that no browser disk cache or shared proxy may keep.
import { createMiddleware } from 'hono/factory';

export const noStore = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});

/** A helper worker of the review (reviewPool.ts): reviews the share of rows it is sent, and sends back the packed result. */
import { reviewRange } from '../domain/review';
import { packReviewRows } from '../domain/reviewTransfer';
import type { HelperMessage, HelperRequest } from './reviewPool';

const tell = (message: HelperMessage): void => postMessage(message);

addEventListener('message', (event: MessageEvent<HelperRequest>) => {
  tell({ kind: 'received' });
  const { rows, rowOffset, mapping, options } = event.data;
  const reviewed = reviewRange(rows, 0, rows.length, mapping, options, (done) => tell({ kind: 'progress', done }), rowOffset);
  tell({ kind: 'done', packed: packReviewRows(reviewed) });
});

tell({ kind: 'ready' });

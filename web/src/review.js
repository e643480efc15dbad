// PLACEHOLDER (the review helper replaces this file): the review queue.
export async function mount(root, ctx) {
  const h = document.createElement('h1');
  h.textContent = ctx.t('review.title');
  const div = document.createElement('div');
  div.dataset.testid = 'review-queue';
  root.append(h, div);
}

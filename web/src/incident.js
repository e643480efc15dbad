// The incident page (/incident/ID): replaced by the full page in the next commit.
export async function mount(root, ctx) {
  const h = document.createElement('h1');
  h.textContent = ctx.t('incident.title', { id: ctx.params.id });
  const div = document.createElement('div');
  div.dataset.testid = 'incident-detail';
  root.append(h, div);
}

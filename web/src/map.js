// PLACEHOLDER (the map helper replaces this file): the map page.
export async function mount(root, ctx) {
  const h = document.createElement('h1');
  h.textContent = ctx.t('map.title');
  const div = document.createElement('div');
  div.dataset.testid = 'map';
  root.append(h, div);
}

// posture-chain's optional helper for a page that shows embed.html in an iframe: each such frame
// is sized to the height its page reports (a `posture-chain:height` message), so the widget shows
// whole, without a scroll bar of its own. Use: <script type="module" src="embed-resize.js"></script>
// anywhere on the page. Messages from any other window, and heights that are not a sane number of
// pixels, are ignored (with a console warning for the latter). MIT OR Apache-2.0.

const MIN = 100;
const MAX = 20000;

addEventListener('message', (e) => {
  const data = e.data;
  if (!data || typeof data !== 'object' || data.type !== 'posture-chain:height') return;
  // A sandboxed frame's origin is "null": the sender is recognised by its window instead.
  const frame = [...document.getElementsByTagName('iframe')].find((f) => f.contentWindow === e.source);
  if (!frame) return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < MIN || height > MAX) {
    console.warn(`posture-chain embed-resize: ignored a height of ${String(height).slice(0, 40)} (want ${MIN}..${MAX} px).`);
    return;
  }
  frame.style.height = `${Math.ceil(height)}px`;
});

// The plugin's module: defines <posture-chain> (the element's file, bundled beside this one) and
// logs what the server found wrong with each instance's attributes (data-warnings), as the
// element itself does for its own attributes. MIT OR Apache-2.0.
import './posture-chain.js';

for (const el of document.querySelectorAll('posture-chain[data-warnings]')) {
  for (const warning of el.dataset.warnings.split('\n')) console.warn(`<posture-chain> (WordPress plugin) ${warning}`);
}

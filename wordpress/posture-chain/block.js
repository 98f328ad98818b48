// The "Posture chain" block for the editor: plain JS on wp.blocks and wp.element, no build step.
// Its attributes are the element's (camelCase, with the ranges from inputs.php, which the plugin
// passes in as window.postureChainInputs, and the theme, language and puzzles, whose values it
// passes in as window.postureChainOptions), set in the sidebar; the page renders it on the server
// like the shortcode (posture_chain_markup), so it validates the same way. MIT OR Apache-2.0.
(function (wp) {
  if (!wp || !wp.blocks || !wp.element) return;
  var el = wp.element.createElement;
  var be = wp.blockEditor;
  var c = wp.components;
  var inputs = window.postureChainInputs || {};
  // The values the plugin accepts for the presentation attributes (posture_chain_options()).
  var options = window.postureChainOptions || { theme: [], lang: [] };
  var attributes = { brandColor: { type: 'string' }, theme: { type: 'string' }, lang: { type: 'string' }, puzzle: { type: 'string' } };
  Object.keys(inputs).forEach(function (name) {
    attributes[inputs[name].property] = { type: 'number' };
  });
  var units = { deg: '°', mm: ' mm', '': '' };

  wp.blocks.registerBlockType('posture-chain/widget', {
    apiVersion: 2,
    title: 'Posture chain',
    description: 'How a small head tilt travels down the spine: an interactive illustration (educational, not a diagnosis).',
    category: 'widgets',
    icon: 'universal-access',
    attributes: attributes,
    edit: function (props) {
      var a = props.attributes;
      var controls = Object.keys(inputs).map(function (name) {
        var s = inputs[name];
        var value = typeof a[s.property] === 'number' ? a[s.property] : s.start;
        return el(c.RangeControl, {
          key: name,
          label: name.replace('-', ' ') + (units[s.unit] ? ' (' + units[s.unit].trim() + ')' : ''),
          min: s.min, max: s.max, step: s.step, value: value,
          onChange: function (v) {
            var set = {};
            set[s.property] = typeof v === 'number' ? v : undefined;
            props.setAttributes(set);
          },
        });
      });
      controls.push(el(c.TextControl, {
        key: 'brand', label: 'Brand colour (#hex)', value: a.brandColor || '',
        onChange: function (v) { props.setAttributes({ brandColor: v || undefined }); },
      }));
      var choice = function (key, label, first, values) {
        return el(c.SelectControl, {
          key: key, label: label, value: a[key] || '',
          options: [{ label: first, value: '' }].concat(values.map(function (v) { return { label: v, value: v }; })),
          onChange: function (v) { var set = {}; set[key] = v || undefined; props.setAttributes(set); },
        });
      };
      controls.push(choice('theme', 'Theme', 'light (default)', options.theme.filter(function (v) { return v !== 'light'; })));
      controls.push(choice('lang', 'Language', "the page's", options.lang));
      controls.push(el(c.TextControl, {
        key: 'puzzle', label: 'Puzzles (head:8;leg:12;…, empty: random)', value: a.puzzle || '',
        onChange: function (v) { props.setAttributes({ puzzle: v || undefined }); },
      }));
      var summary = Object.keys(inputs).map(function (name) {
        var s = inputs[name];
        var v = typeof a[s.property] === 'number' ? a[s.property] : s.start;
        return name + ' ' + v + (units[s.unit] || '');
      }).join(', ');
      return el('div', be.useBlockProps ? be.useBlockProps() : {},
        el(be.InspectorControls, null, el(c.PanelBody, { title: 'Scenario', initialOpen: true }, controls)),
        el('p', null, 'Posture chain (' + summary + '). The interactive widget shows on the published page.'));
    },
    save: function () { return null; },
  });
})(window.wp);

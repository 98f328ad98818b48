<?php
/**
 * Plugin Name:       posture-chain
 * Description:       The posture-chain interactive illustration (how a small head tilt travels down the spine) as a shortcode, [posture-chain head-tilt="5"], and a block, for every role that can write posts. Educational, not medical advice.
 * Version:           0.0.0-dev
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT OR Apache-2.0
 *
 * The widget's own files (posture-chain.js and its wasm in pkg/) are bundled in this folder by
 * `cargo xtask dist`. Every attribute is validated here, and escaped: the model's inputs against
 * inputs.php, which is generated from the model's input table (`cargo xtask codegen`); theme,
 * lang and puzzle against the element's values (posture_chain_options()); what was wrong is
 * logged in the browser's console (posture-chain-wp.js) and a safe value is used or the
 * attribute left out.
 */

defined('ABSPATH') || exit;

define('POSTURE_CHAIN_VERSION', '0.0.0-dev');

/** The element's attributes with their ranges (generated; see inputs.php). */
function posture_chain_inputs() {
	static $inputs = null;
	if (null === $inputs) {
		$inputs = require __DIR__ . '/inputs.php';
	}
	return $inputs;
}

/** A number as the element reads it back (no float tails). */
function posture_chain_number($v) {
	return (string) round($v, 6);
}

/**
 * One numeric attribute checked against its spec: array(value to write or null, warning or null).
 * Like the element: a word it names, a number in range, or (where the slider is in percent) a
 * percentage; out of range is clamped; anything else falls back to the element's start value.
 */
function posture_chain_check($name, $spec, $raw) {
	$text = strtolower(trim((string) $raw));
	if (isset($spec['words'][$text])) {
		return array($text, null);
	}
	$pct = 100 == $spec['scale'] && '%' === substr($text, -1);
	$num = $pct ? substr($text, 0, -1) : $text;
	$shown = substr((string) $raw, 0, 40);
	if (!is_numeric($num) || !is_finite((float) $num)) {
		return array(null, sprintf('%s="%s" is not a number; using %s.', $name, $shown, posture_chain_number($spec['start'])));
	}
	$v = (float) $num / ($pct ? 100 : 1);
	if ($v < $spec['min'] || $v > $spec['max']) {
		$used = min($spec['max'], max($spec['min'], $v));
		return array(posture_chain_number($used), sprintf('%s="%s" is outside %s..%s; using %s.', $name, $shown, posture_chain_number($spec['min']), posture_chain_number($spec['max']), posture_chain_number($used)));
	}
	return array(posture_chain_number($v), null);
}

/** A brand colour: a hex colour, a colour name, or rgb()/hsl() with plain numbers; else null. */
function posture_chain_colour($raw) {
	$text = trim((string) $raw);
	$ok = preg_match('/^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s\/a-z]{1,60}\))$/i', $text)
		&& !preg_match('/url|var|expression|inherit|initial|unset|currentcolor/i', $text);
	return $ok ? $text : null;
}

/**
 * The values the element takes for its presentation attributes, for the checks below and the
 * block's sidebar: `theme`, the element's themes (STATE_ATTRIBUTES in www/state.js; the
 * WordPress test checks that these are the same); `lang`, each language whose string table is
 * bundled in locales/ (English's own file among them) and the pseudo-locale en-XA (pseudo.js).
 */
function posture_chain_options() {
	static $options = null;
	if (null === $options) {
		$langs = array();
		foreach (glob(__DIR__ . '/locales/*.json') ?: array() as $file) {
			$name = basename($file, '.json');
			if (preg_match('/^[a-z]{2,3}$/', $name)) {
				$langs[] = $name;
			}
		}
		if (in_array('en', $langs, true) && file_exists(__DIR__ . '/pseudo.js')) {
			$langs[] = 'en-XA';
		}
		$options = array(
			'theme' => array('light', 'dark', 'auto', 'projector'),
			'lang'  => $langs,
		);
	}
	return $options;
}

/**
 * A `lang` tag (`de`, `de-AT`, `en-XA`) whose language the plugin has strings for, or null. A
 * region is kept (the element falls back from it to its language, as it does for the page's).
 */
function posture_chain_lang($raw) {
	$text = trim((string) $raw);
	if (!preg_match('/^([a-z]{2,3})(-[a-z0-9]{1,8}){0,3}$/iD', $text, $m)) {
		return null;
	}
	$langs = posture_chain_options()['lang'];
	if (0 === strcasecmp($text, 'en-XA')) {
		return in_array('en-XA', $langs, true) ? 'en-XA' : null;
	}
	return in_array(strtolower($m[1]), $langs, true) ? $text : null;
}

/**
 * The `puzzle` attribute, as the element reads it (puzzle.js): `random`, or entries
 * `head:<degrees>,leg:<mm>` separated by `;` (a field left out is 0) within the sliders' ranges
 * (inputs.php). Returns array(the entries that make a puzzle, rewritten from the parsed numbers,
 * or 'random', or null for none; what was wrong with the others).
 */
function posture_chain_puzzle($raw) {
	$text = trim((string) $raw);
	if (0 === strcasecmp($text, 'random')) {
		return array('random', array());
	}
	$inputs = posture_chain_inputs();
	$specs = array('head' => $inputs['head-tilt'], 'leg' => $inputs['leg-length']);
	$good = array();
	$problems = array();
	foreach (explode(';', $text) as $k => $entry) {
		$body = trim($entry);
		if ('' === $body) {
			continue;
		}
		$cause = array('head' => 0.0, 'leg' => 0.0);
		$bad = null;
		foreach (explode(',', $body) as $field) {
			if (!preg_match('/^\s*(head|leg)\s*:\s*(-?[0-9]+(\.[0-9]+)?)\s*$/i', $field, $m)) {
				$bad = 'is not head:<degrees>,leg:<mm>';
				break;
			}
			$name = strtolower($m[1]);
			$v = (float) $m[2];
			if ($v < $specs[$name]['min'] || $v > $specs[$name]['max']) {
				$bad = sprintf('%s must be within %s..%s', $name, posture_chain_number($specs[$name]['min']), posture_chain_number($specs[$name]['max']));
				break;
			}
			$cause[$name] = $v;
		}
		if (null === $bad && 0.0 === $cause['head'] && 0.0 === $cause['leg']) {
			$bad = 'has no cause (head and leg both 0)';
		}
		if (null !== $bad) {
			$problems[] = sprintf('entry %d, "%s" %s', $k + 1, substr($body, 0, 40), $bad);
			continue;
		}
		$fields = array();
		foreach ($cause as $name => $v) {
			if (0.0 !== $v) {
				$fields[] = $name . ':' . posture_chain_number($v);
			}
		}
		$good[] = implode(',', $fields);
	}
	return array($good ? implode(';', $good) : null, $problems);
}

/**
 * The element's markup for shortcode or block attributes (attribute names, or for the block
 * the properties' camelCase names). Unknown names are ignored with a warning.
 */
function posture_chain_markup($atts) {
	$atts = is_array($atts) ? $atts : array();
	$out = '';
	$warnings = array();
	$known = array('brand-color' => true, 'brandcolor' => true, 'loading' => true, 'classname' => true, 'theme' => true, 'lang' => true, 'puzzle' => true);
	foreach (posture_chain_inputs() as $name => $spec) {
		$known[$name] = true;
		$known[strtolower($spec['property'])] = true;
		$raw = null;
		foreach (array($name, $spec['property'], strtolower($spec['property'])) as $key) {
			if (isset($atts[$key]) && '' !== $atts[$key]) {
				$raw = $atts[$key];
				break;
			}
		}
		if (null === $raw) {
			continue;
		}
		list($value, $warning) = posture_chain_check($name, $spec, $raw);
		if (null !== $warning) {
			$warnings[] = $warning;
		}
		if (null !== $value) {
			$out .= sprintf(' %s="%s"', $name, esc_attr($value));
		}
	}
	$brand = $atts['brand-color'] ?? $atts['brandColor'] ?? $atts['brandcolor'] ?? '';
	if ('' !== $brand) {
		$colour = posture_chain_colour($brand);
		if (null === $colour) {
			$warnings[] = sprintf('brand-color="%s" is not a colour this plugin accepts (#hex, a name, rgb() or hsl()); using the default.', substr((string) $brand, 0, 40));
		} else {
			$out .= sprintf(' brand-color="%s"', esc_attr($colour));
		}
	}
	if (isset($atts['loading'])) {
		if ('eager' === $atts['loading'] || 'lazy' === $atts['loading']) {
			$out .= sprintf(' loading="%s"', $atts['loading']);
		} else {
			$warnings[] = sprintf('loading="%s" should be lazy or eager; using lazy.', substr((string) $atts['loading'], 0, 40));
		}
	}
	if (isset($atts['theme']) && '' !== $atts['theme']) {
		if (in_array($atts['theme'], posture_chain_options()['theme'], true)) {
			$out .= sprintf(' theme="%s"', esc_attr($atts['theme']));
		} else {
			$warnings[] = sprintf('theme="%s" should be %s; using light.', substr((string) $atts['theme'], 0, 40), implode(', ', posture_chain_options()['theme']));
		}
	}
	if (isset($atts['lang']) && '' !== $atts['lang']) {
		$lang = posture_chain_lang($atts['lang']);
		if (null === $lang) {
			$warnings[] = sprintf('lang="%s" is not a language this plugin has strings for (%s); using the page\'s.', substr((string) $atts['lang'], 0, 40), implode(', ', posture_chain_options()['lang']));
		} else {
			$out .= sprintf(' lang="%s"', esc_attr($lang));
		}
	}
	if (isset($atts['puzzle']) && '' !== $atts['puzzle']) {
		list($puzzle, $problems) = posture_chain_puzzle($atts['puzzle']);
		if ($problems) {
			$warnings[] = sprintf('puzzle: %s; %s.', implode('; ', $problems), null === $puzzle ? 'no entry left, so the puzzles are random' : 'left out');
		}
		if (null !== $puzzle) {
			$out .= sprintf(' puzzle="%s"', esc_attr($puzzle));
		}
	}
	foreach ($atts as $key => $v) {
		if (!isset($known[strtolower((string) $key)])) {
			$warnings[] = sprintf('unknown attribute "%s" ignored.', substr(is_int($key) ? (string) $v : (string) $key, 0, 40));
		}
	}
	if ($warnings) {
		$out .= sprintf(' data-warnings="%s"', esc_attr(implode("\n", $warnings)));
	}
	posture_chain_enqueue();
	posture_chain_enqueue_poster_style();
	// The desktop's poster and the phone's (poster.css shows the one that fits; the other, not
	// displayed and lazy, is not fetched).
	$alt = esc_attr__('The back view of the illustration: a head tilted 5 degrees to the right and the spine adjusting below it', 'posture-chain');
	$poster = sprintf('<img src="%s" width="360" height="480" loading="lazy" alt="%s">', esc_url(plugins_url('poster.svg', __FILE__)), $alt)
		. sprintf('<img class="phone" src="%s" width="300" height="328" loading="lazy" alt="%s">', esc_url(plugins_url('poster-phone.svg', __FILE__)), $alt);
	return '<posture-chain' . $out . '>' . $poster . '<p>' . esc_html__('An interactive illustration of how a head tilt travels down the spine shows here when JavaScript runs. It is an educational illustration of a simplified model, not a diagnosis.', 'posture-chain') . '</p></posture-chain>';
}

/**
 * Loads the element's module once per page, however many instances: with the script-module API
 * where WordPress has it (6.5 and later), else one <script type="module"> printed in the footer.
 */
function posture_chain_enqueue() {
	static $done = false;
	if ($done) {
		return;
	}
	$done = true;
	$src = plugins_url('posture-chain-wp.js', __FILE__);
	if (function_exists('wp_enqueue_script_module')) {
		wp_enqueue_script_module('posture-chain', $src, array(), POSTURE_CHAIN_VERSION);
		return;
	}
	add_action(
		'wp_footer',
		function () use ($src) {
			printf("<script type=\"module\" src=\"%s\"></script>\n", esc_url(add_query_arg('ver', POSTURE_CHAIN_VERSION, $src)));
		}
	);
}

/**
 * The poster's place before the element is defined (poster.css: over the back view, the
 * element's box kept), so that nothing on the page moves when it upgrades. A stylesheet file of
 * the site's own origin (a strict CSP allows it), in the head of a post that holds the shortcode
 * or the block; elsewhere (a widget area) the shortcode asks for it late, in the footer.
 */
function posture_chain_enqueue_poster_style() {
	wp_enqueue_style('posture-chain-poster', plugins_url('poster.css', __FILE__), array(), POSTURE_CHAIN_VERSION);
}

/** In the head of a singular post that shows the widget, before its poster is painted. */
function posture_chain_head_styles() {
	$post = get_post();
	if (is_singular() && $post && (has_shortcode($post->post_content, 'posture-chain') || has_block('posture-chain/widget', $post))) {
		posture_chain_enqueue_poster_style();
	}
}
add_action('wp_enqueue_scripts', 'posture_chain_head_styles');

/** [posture-chain head-tilt="5" leg-length="10" compensation="partial" brand-color="#8a1d5f" theme="dark" lang="de" puzzle="head:8;leg:12"] */
function posture_chain_shortcode($atts) {
	return posture_chain_markup($atts);
}

/** The block's editor script, its attributes (the properties' names, from inputs.php), the shortcode. */
function posture_chain_init() {
	add_shortcode('posture-chain', 'posture_chain_shortcode');
	$attributes = array('brandColor' => array('type' => 'string'), 'theme' => array('type' => 'string'), 'lang' => array('type' => 'string'), 'puzzle' => array('type' => 'string'));
	foreach (posture_chain_inputs() as $spec) {
		$attributes[$spec['property']] = array('type' => 'number');
	}
	wp_register_script(
		'posture-chain-block',
		plugins_url('block.js', __FILE__),
		array('wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n'),
		POSTURE_CHAIN_VERSION,
		true
	);
	wp_add_inline_script('posture-chain-block', 'window.postureChainInputs = ' . wp_json_encode(posture_chain_inputs()) . '; window.postureChainOptions = ' . wp_json_encode(posture_chain_options()) . ';', 'before');
	register_block_type(
		'posture-chain/widget',
		array(
			'api_version'     => 2,
			'editor_script'   => 'posture-chain-block',
			'attributes'      => $attributes,
			'render_callback' => 'posture_chain_markup',
		)
	);
}
add_action('init', 'posture_chain_init');

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
 * `cargo xtask dist`. Every attribute is validated here against inputs.php, which is generated
 * from the model's input table (`cargo xtask codegen`), and escaped; what was wrong is logged in
 * the browser's console (posture-chain-wp.js) and a safe value is used.
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
 * The element's markup for shortcode or block attributes (attribute names, or for the block
 * the properties' camelCase names). Unknown names are ignored with a warning.
 */
function posture_chain_markup($atts) {
	$atts = is_array($atts) ? $atts : array();
	$out = '';
	$warnings = array();
	$known = array('brand-color' => true, 'brandcolor' => true, 'loading' => true, 'classname' => true);
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
	foreach ($atts as $key => $v) {
		if (!isset($known[strtolower((string) $key)])) {
			$warnings[] = sprintf('unknown attribute "%s" ignored.', substr(is_int($key) ? (string) $v : (string) $key, 0, 40));
		}
	}
	if ($warnings) {
		$out .= sprintf(' data-warnings="%s"', esc_attr(implode("\n", $warnings)));
	}
	posture_chain_enqueue();
	$poster = sprintf('<img src="%s" width="360" height="480" loading="lazy" alt="%s">', esc_url(plugins_url('poster.svg', __FILE__)), esc_attr__('The back view of the illustration: a head tilted 5 degrees to the right and the spine adjusting below it', 'posture-chain'));
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

/** [posture-chain head-tilt="5" leg-length="10" compensation="partial" brand-color="#8a1d5f"] */
function posture_chain_shortcode($atts) {
	return posture_chain_markup($atts);
}

/** The block's editor script, its attributes (the properties' names, from inputs.php), the shortcode. */
function posture_chain_init() {
	add_shortcode('posture-chain', 'posture_chain_shortcode');
	$attributes = array('brandColor' => array('type' => 'string'));
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
	wp_add_inline_script('posture-chain-block', 'window.postureChainInputs = ' . wp_json_encode(posture_chain_inputs()) . ';', 'before');
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

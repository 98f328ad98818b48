<?php
// Sets one test WordPress up for tests/wordpress/*.test.mjs, from PHP's command line (Debian has
// no wp-cli): installs the site if it is not, makes an Editor and an Author, installs the plugin
// from its zip with WordPress's own installer (what the admin's "Upload Plugin" runs) and activates
// it, then publishes its posts, each as its role with kses on, so that WordPress filters what
// the role may not post: the Editor's Custom HTML block with the script and the element, the
// Author's shortcodes (one hostile), the Author's presentation attributes (theme, language,
// puzzles; one hostile) and the Author's block. Prints the WordPress version and the posts' URLs
// as JSON.
//
// Usage (as root, run by `cargo xtask test` once per site):
//   php tests/wordpress/setup.php <plugin.zip> <site-url> <wordpress-dir>

if ($argc < 4) {
	fwrite(STDERR, "usage: php setup.php <plugin.zip> <site-url> <wordpress-dir>\n");
	exit(2);
}
$zip = $argv[1];
$url = $argv[2];
$root = rtrim($argv[3], '/');
$site = parse_url($url);
// Debian's wp-config.php picks /etc/wordpress/config-<host>.php from the host (without its port).
$_SERVER['HTTP_HOST'] = $site['host'] . (isset($site['port']) ? ':' . $site['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = $site['host'];
// Lets wp-load.php run before the site is installed (it would redirect to the installer).
define('WP_INSTALLING', true);
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

function fail($message) {
	fwrite(STDERR, "setup.php: $message\n");
	exit(1);
}

if (!is_blog_installed()) {
	$installed = wp_install('posture-chain test site', 'admin', 'admin@example.invalid', false, '', wp_generate_password(24));
	echo "installed WordPress " . get_bloginfo('version') . "\n";
} else {
	echo "WordPress " . get_bloginfo('version') . " already installed\n";
}

/** A user with a role, made once. */
function user_with_role($login, $role) {
	$user = get_user_by('login', $login);
	if (!$user) {
		$id = wp_insert_user(array('user_login' => $login, 'user_pass' => wp_generate_password(24), 'user_email' => "$login@example.invalid", 'role' => $role));
		if (is_wp_error($id)) {
			fail("cannot make $login: " . $id->get_error_message());
		}
		$user = get_user_by('id', $id);
	}
	$user->set_role($role);
	// A known password, for the editor test's log-in on this 127.0.0.1-only test site.
	wp_set_password('posture-chain-test', $user->ID);
	return $user->ID;
}
$editor = user_with_role('editor', 'editor');
$author = user_with_role('author', 'author');

// The plugin, from the zip, replacing any earlier copy.
wp_set_current_user(1);
if (!WP_Filesystem()) {
	fail('WP_Filesystem() could not start (FS_METHOD direct)');
}
global $wp_filesystem;
$dir = WP_PLUGIN_DIR . '/posture-chain';
if (is_dir($dir)) {
	deactivate_plugins('posture-chain/posture-chain.php', true);
	$wp_filesystem->delete($dir, true);
}
$upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
$result = $upgrader->install($zip);
if (true !== $result) {
	fail('the plugin did not install from ' . $zip . ': ' . (is_wp_error($result) ? $result->get_error_message() : var_export($result, true)) . ' ' . implode(' ', $upgrader->skin->get_upgrade_messages()));
}
$activated = activate_plugin('posture-chain/posture-chain.php');
if (is_wp_error($activated)) {
	fail('the plugin did not activate: ' . $activated->get_error_message());
}
$plugin = get_plugin_data($dir . '/posture-chain.php');
echo 'plugin ' . $plugin['Name'] . ' ' . $plugin['Version'] . " installed from the zip and active\n";

/** Publishes a post as a user, with that user's kses filtering, replacing an earlier one. */
function publish_as($user, $slug, $title, $content) {
	foreach (get_posts(array('name' => $slug, 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => -1)) as $old) {
		wp_delete_post($old->ID, true);
	}
	wp_set_current_user($user);
	kses_init();
	$id = wp_insert_post(array('post_title' => $title, 'post_name' => $slug, 'post_content' => $content, 'post_status' => 'publish', 'post_author' => $user), true);
	if (is_wp_error($id)) {
		fail("cannot publish $slug: " . $id->get_error_message());
	}
	return $id;
}

$script = plugins_url('posture-chain.js', $dir . '/posture-chain.php');
$posts = array(
	'editor' => publish_as($editor, 'pc-editor-html', 'An Editor\'s post: script and element in Custom HTML',
		"<!-- wp:paragraph --><p>Before the widget.</p><!-- /wp:paragraph -->\n<!-- wp:html -->\n<script type=\"module\" src=\"$script\"></script>\n<posture-chain head-tilt=\"6\"></posture-chain>\n<!-- /wp:html -->"),
	'shortcode' => publish_as($author, 'pc-author-shortcode', 'An Author\'s post: shortcodes',
		"<!-- wp:paragraph --><p>Two widgets and a hostile one.</p><!-- /wp:paragraph -->\n<!-- wp:shortcode -->\n[posture-chain head-tilt=\"8\" leg-length=\"10\" compensation=\"partial\"]\n<!-- /wp:shortcode -->\n<!-- wp:shortcode -->\n[posture-chain head-tilt=\"-3\" brand-color=\"#8a1d5f\"]\n<!-- /wp:shortcode -->\n<!-- wp:shortcode -->\n[posture-chain head-tilt='5\" onmouseover=\"window.pwned=1' leg-length=\"99\" brand-color='red\" onclick=\"window.pwned=2' bogus=\"1\"]\n<!-- /wp:shortcode -->"),
	// The same Custom HTML as the Editor's, by an Author: WordPress strips it (no unfiltered_html).
	'authorHtml' => publish_as($author, 'pc-author-html', 'An Author\'s post: script and element in Custom HTML',
		"<!-- wp:html -->\n<script type=\"module\" src=\"$script\"></script>\n<posture-chain head-tilt=\"6\"></posture-chain>\n<!-- /wp:html -->"),
	// The presentation attributes: a theme, a language, two puzzles (of four entries, two bad),
	// and a hostile one.
	'presentation' => publish_as($author, 'pc-author-presentation', 'An Author\'s post: theme, language, puzzles',
		"<!-- wp:shortcode -->\n[posture-chain theme=\"dark\" lang=\"de\" puzzle=\"head:8; leg:12 ;head:99;leg:x\"]\n<!-- /wp:shortcode -->\n<!-- wp:shortcode -->\n[posture-chain theme='dark\" onmouseover=\"window.pwned=3' lang='de\" onclick=\"window.pwned=4' puzzle='head:8\" onclick=\"window.pwned=5']\n<!-- /wp:shortcode -->"),
	'block' => publish_as($author, 'pc-author-block', 'An Author\'s post: the block',
		"<!-- wp:paragraph --><p>The block.</p><!-- /wp:paragraph -->\n<!-- wp:posture-chain/widget {\"headTilt\":-9,\"legLength\":12} /-->"),
);
foreach ($posts as $key => $id) {
	$content = get_post_field('post_content', $id);
	echo "$key: post $id, " . strlen($content) . " bytes stored\n";
}
$urls = array_map('get_permalink', $posts);
$urls['login'] = wp_login_url();
$urls['newPost'] = admin_url('post-new.php');
echo wp_json_encode(array('version' => get_bloginfo('version'), 'posts' => $urls)) . "\n";

// The web-server lines that hand /api/v2 to DreamFactory's index.php: one wording for the connection test, the
// doctor and the README (docs/forever-sessions-doctor.md, "rewrite rules").

/** nginx, in the DreamFactory server block's `location /` (df-docker's own config uses exactly this). */
export const NGINX_TRY_FILES = 'try_files $uri $uri/ /index.php?$query_string;';
/** Apache, in the `<Directory>` block of DreamFactory's public folder, so its .htaccess rules apply. */
export const APACHE_ALLOW_OVERRIDE = 'AllowOverride All';
/** Debian/Ubuntu; on the RHEL family mod_rewrite is on by default and the service is httpd. */
export const APACHE_ENABLE_REWRITE = 'sudo a2enmod rewrite && sudo systemctl restart apache2';

export const REWRITE_RULES_HINT = `Add the rewrite rules that hand /api/v2 to index.php (nginx: ${NGINX_TRY_FILES} Apache: ${APACHE_ALLOW_OVERRIDE} for the DreamFactory folder, with mod_rewrite enabled), reload the web server, and test again.`;

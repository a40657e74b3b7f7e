/**
 * Per-install facts behind the forever-sessions doctor, each taken from the source listed with it (the doc
 * docs/forever-sessions-doctor.md says what each source confirmed). install-steps.ts turns these into the
 * public InstallSteps; the exact setting line and the old-build config line live there so they exist once.
 */
import type { CommandStep, DocSource, InstallKind, LikelyCause } from './install-steps.ts';

export interface InstallData {
  label: string;
  /** The file the setting goes into (for Docker: the compose file, not the container's .env). */
  envPath: string;
  envLocation: string;
  findEnv?: CommandStep;
  /** Only Docker differs from FOREVER_SETTING_LINE: compose `environment:` syntax. */
  settingLine?: string;
  settingNote: string;
  /** config/df.php of this install, for builds too old to read the variable. */
  dfPhp: string;
  cacheClear: CommandStep[];
  restart: CommandStep[];
  sources: DocSource[];
  /** Install-specific wording for a likely cause, where the generic one would mislead. */
  checks?: Partial<Record<LikelyCause['id'], string>>;
}

const src = (title: string, url: string, used: string): DocSource => ({ title, url, used });

const DF = 'https://github.com/dreamfactorysoftware/dreamfactory/blob/61004db1b029f675368a344ee147cdc90f404ae7';
const DOCS = 'https://github.com/dreamfactorysoftware/df-docs/blob/c07f363b14c8d72a9f16f401c1abcbddc22da358/docs';

const S = {
  wiki: src(
    'DreamFactory wiki: Forever sessions tutorial',
    'https://wiki.dreamfactory.com/index.php?oldid=34004&title=DreamFactory%2FTutorials%2FForever_sessions',
    'The key goes in the .env at the install root as DF_ALLOW_FOREVER_SESSIONS=true, followed by php artisan config:clear from that root; success shows as allow_forever_sessions: true under authentication in GET /api/v2/system/environment.',
  ),
  envDist: src(
    'dreamfactory .env-dist',
    `${DF}/.env-dist`,
    'The shipped .env carries the key commented out (#DF_ALLOW_FOREVER_SESSIONS=false), so it has to be uncommented and set, not just appended next to the old line.',
  ),
  linux: src(
    'DreamFactory docs: Linux installation',
    `${DOCS}/getting-started/installing-dreamfactory/linux-installation.md`,
    'Installer-based setups live in /opt/dreamfactory and are configured through /opt/dreamfactory/.env.',
  ),
  installer: src(
    'dreamfactory installer (installers/source/setup.sh)',
    `${DF}/installers/source/setup.sh`,
    'The installer restarts nginx plus php<version>-fpm on Debian/Ubuntu and nginx plus php-fpm on RHEL-family systems, apache2 or httpd for Apache, and runs artisan from /opt/dreamfactory as the install user.',
  ),
  basicConfig: src(
    'DreamFactory docs: Basic configuration',
    `${DOCS}/getting-started/dreamfactory-configuration/basic-configuration.md`,
    'Any .env change needs at least php artisan config:clear in the dreamfactory folder; DF_ALLOW_FOREVER_SESSIONS is listed with the JWT session settings.',
  ),
  iis: src(
    'DreamFactory docs: Windows installation (IIS)',
    `${DOCS}/getting-started/installing-dreamfactory/windows-installation.md`,
    'The IIS guide installs into C:\\inetpub\\wwwroot\\dreamfactory, runs artisan with C:\\php\\php.exe, serves the public folder through FastCGI and recycles the app pool after changing its settings.',
  ),
  restartWebItem: src(
    'Microsoft Learn: Restart-WebItem',
    'https://learn.microsoft.com/powershell/module/webadministration/restart-webitem',
    'One application pool can be restarted from PowerShell with Restart-WebItem -PSPath IIS:\\AppPools\\<name>.',
  ),
  composeUp: src(
    'Docker docs: docker compose up',
    'https://docs.docker.com/compose/reference/up',
    'up stops and recreates the containers of a service whose configuration changed since they were created.',
  ),
  composeRestart: src(
    'Docker docs: docker compose restart',
    'https://docs.docker.com/compose/reference/restart',
    'restart does not apply compose file changes; environment variable changes in particular are not picked up.',
  ),
  dfDocker: src(
    'df-docker: docker-compose.yml and docker-entrypoint.sh',
    'https://github.com/dreamfactorysoftware/df-docker/blob/4b4e9833c7a461580f3affb851376f48b45aba6c/docker-entrypoint.sh',
    'The DreamFactory service is called web, the app lives in /opt/dreamfactory, and at start-up the script copies JWT_TTL, JWT_REFRESH_TTL and ALLOW_FOREVER_SESSIONS (no DF_ prefix) into .env, but only over a line starting with ##.',
  ),
  dfDockerReadme: src(
    'df-docker README (2020), environment options table',
    'https://github.com/dreamfactorysoftware/df-docker/blob/a268f886bfdbc86d000565861ff81d540ba8dd5b/README.md',
    'The compose variable was documented as ALLOW_FOREVER_SESSIONS ("Allow refresh forever", default false).',
  ),
  dfDocker77: src(
    'DreamFactory docs: Upgrading a Docker deployment to 7.7.x',
    'https://github.com/dreamfactorysoftware/df-docs/blob/3f9ec131c1159d65b215808e15a3bcebe2c6d923/docs/upgrades-and-migrations/upgrading-docker-7-7.md',
    'PHP-FPM in the web container does not inherit the container environment, so web requests read only /opt/dreamfactory/.env; artisan run through docker compose exec does see the environment, which makes checks misleading; .env lives in the image, so edits inside a running container are lost when it is recreated with docker compose up -d web.',
  ),
  bitnamiDirs: src(
    'Bitnami docs: Understand the default directory structure',
    'https://docs.bitnami.com/general/faq/get-started/understand-directory-structure/',
    'Bitnami stacks keep PHP and the apps under /opt/bitnami; current images put an app directly in /opt/bitnami/APPNAME.',
  ),
  bitnamiImage: src(
    'bitnami/containers: dreamfactory-env.sh',
    'https://github.com/bitnami/containers/blob/e96ad6d8dc1ae96fc479b7465c0e81b8aab2fcbd/bitnami/dreamfactory/4/debian-11/rootfs/opt/bitnami/scripts/dreamfactory-env.sh',
    'Newer Bitnami DreamFactory images use /opt/bitnami/dreamfactory with its .env at /opt/bitnami/dreamfactory/.env.',
  ),
  dfIot: src(
    'dreamfactorysoftware/df-iot: config/configure.sh',
    'https://github.com/dreamfactorysoftware/df-iot/blob/457e293b4c96595229e823bfdbf5bc2bba713a60/config/configure.sh',
    "DreamFactory's own script for its Bitnami image works in /opt/bitnami/apps/dreamfactory and restarts with /opt/bitnami/ctlscript.sh restart apache.",
  ),
  bitnamiUpgrade: src(
    'DreamFactory platform wiki: Product upgrades (Bitnami packages)',
    'https://github.com/dreamfactorysoftware/platform-wiki/blob/97c2d1f0910fe05b1eb6ef256c6acb5cd0da5b28/Platform-Documentation/Usage-Options/Product-Upgrades.md',
    'macOS stacks sit in /Applications/dreamfactory-<version> (apps/dreamfactory/htdocs, php/bin, ctlscript.sh); Windows stacks in C:\\Bitnami\\dreamfactory-<version> with C:\\Bitnami\\dreamfactory-<version>\\php\\php.exe, restarted from the Bitnami DreamFactory Stack Manager.',
  ),
  bitnamiInstaller: src(
    'Bitnami installer docs: stack environment and htdocs layout',
    'https://docs.bitnami.com/installer/apps/orangehrm/administration/use-htaccess/',
    'Installer stacks keep each app in installdir/apps/APPNAME/htdocs; on Windows the Start menu group Bitnami APPNAME Stack has an Application console with the stack environment loaded.',
  ),
  openshift: src(
    'openshift-dreamfactory-cartridge: bin/post_install',
    'https://github.com/dreamfactorysoftware/openshift-dreamfactory-cartridge/blob/e10ddedc42d65258d1ec8657563ff945407aa7b0/bin/post_install',
    'The cartridge clones DreamFactory into $OPENSHIFT_REPO_DIR/df and writes a short .env there with no forever-sessions line at all.',
  ),
  openshiftRestart: src(
    'Red Hat OpenShift 2 REST API guide: Restart application',
    'https://docs.redhat.com/en/documentation/openshift_container_platform/2/html/rest_api_guide/restart_application',
    'OpenShift 2 applications are restarted as a whole with a restart event (rhc app restart on the command line).',
  ),
};

const artisan = (php: string, where: string): CommandStep[] => [
  { label: 'Clear the cached configuration', command: `${php} artisan config:clear`, where },
  { label: 'Clear the application cache', command: `${php} artisan cache:clear`, where },
];

const BITNAMI_NOTE =
  'Uncomment the shipped #DF_ALLOW_FOREVER_SESSIONS=false line and make it exactly this; run the commands as the user that owns the stack (not root) so no root-owned cache files are left behind.';
const HOST_NOTE =
  'Uncomment the shipped #DF_ALLOW_FOREVER_SESSIONS=false line (or add the line if there is none) and make it exactly this, once.';
const FPM_LIST = "systemctl list-units --type=service 'php*-fpm*'";

export const installData: Record<InstallKind, InstallData> = {
  'bitnami-linux': {
    label: 'Bitnami stack on Linux',
    envPath: '/opt/bitnami/apps/dreamfactory/htdocs/.env',
    envLocation:
      '/opt/bitnami/apps/dreamfactory/htdocs/.env on classic Bitnami stacks and cloud images (installer stacks: <installdir>/apps/dreamfactory/htdocs/.env); newer Bitnami images use /opt/bitnami/dreamfactory/.env.',
    findEnv: {
      label: 'Show which .env exists (it is a hidden file)',
      command: 'ls -la /opt/bitnami/apps/dreamfactory/htdocs/.env /opt/bitnami/dreamfactory/.env',
    },
    settingNote: BITNAMI_NOTE,
    dfPhp: '/opt/bitnami/apps/dreamfactory/htdocs/config/df.php',
    cacheClear: artisan('/opt/bitnami/php/bin/php', '/opt/bitnami/apps/dreamfactory/htdocs'),
    restart: [{ label: 'Restart all Bitnami services (Apache and PHP-FPM)', command: 'sudo /opt/bitnami/ctlscript.sh restart' }],
    sources: [S.wiki, S.envDist, S.dfIot, S.bitnamiDirs, S.bitnamiImage, S.basicConfig],
  },
  'bitnami-macos': {
    label: 'Bitnami stack on macOS',
    envPath: '/Applications/dreamfactory-<version>/apps/dreamfactory/htdocs/.env',
    envLocation:
      '/Applications/dreamfactory-<version>/apps/dreamfactory/htdocs/.env, where <version> is the stack folder name shown in /Applications.',
    findEnv: { label: 'Find the stack folder and its hidden .env', command: 'ls -a /Applications/dreamfactory-*/apps/dreamfactory/htdocs' },
    settingNote: BITNAMI_NOTE,
    dfPhp: '/Applications/dreamfactory-<version>/apps/dreamfactory/htdocs/config/df.php',
    cacheClear: artisan(
      '/Applications/dreamfactory-<version>/php/bin/php',
      '/Applications/dreamfactory-<version>/apps/dreamfactory/htdocs',
    ),
    restart: [
      { label: "Restart the stack's servers", command: 'sudo /Applications/dreamfactory-<version>/ctlscript.sh restart' },
    ],
    sources: [S.wiki, S.envDist, S.bitnamiUpgrade, S.bitnamiInstaller, S.basicConfig],
  },
  'bitnami-windows': {
    label: 'Bitnami stack on Windows',
    envPath: 'C:\\Bitnami\\dreamfactory-<version>\\apps\\dreamfactory\\htdocs\\.env',
    envLocation:
      'C:\\Bitnami\\dreamfactory-<version>\\apps\\dreamfactory\\htdocs\\.env. Explorer hides names that start with a dot in some views; open it from an editor instead.',
    findEnv: {
      label: 'List the hidden .env of every DreamFactory stack',
      command: 'Get-ChildItem -Force C:\\Bitnami\\dreamfactory-*\\apps\\dreamfactory\\htdocs\\.env',
      where: 'PowerShell',
    },
    settingNote: `${HOST_NOTE} Save it as plain text without changing the file name.`,
    dfPhp: 'C:\\Bitnami\\dreamfactory-<version>\\apps\\dreamfactory\\htdocs\\config\\df.php',
    cacheClear: artisan(
      'C:\\Bitnami\\dreamfactory-<version>\\php\\php.exe',
      'C:\\Bitnami\\dreamfactory-<version>\\apps\\dreamfactory\\htdocs (Start → Bitnami DreamFactory Stack → Application console)',
    ),
    restart: [
      {
        label: 'Restart all servers from the Bitnami DreamFactory Stack Manager',
        command: 'Bitnami DreamFactory Stack Manager → restart all servers',
        where: 'Start → Bitnami DreamFactory Stack',
      },
    ],
    sources: [S.wiki, S.envDist, S.bitnamiUpgrade, S.bitnamiInstaller, S.basicConfig],
  },
  docker: {
    label: 'Docker (df-docker with docker compose)',
    envPath: 'docker-compose.yml (web service → environment:)',
    envLocation:
      'docker-compose.yml in your df-docker checkout, in the environment: block of the web service. At start-up the container copies it into /opt/dreamfactory/.env inside the container, and that file is the only one PHP reads for web requests.',
    findEnv: {
      label: "See what the container's .env really says",
      command: 'docker compose exec web grep -n FOREVER .env',
      where: 'the folder with docker-compose.yml',
    },
    settingLine: '      ALLOW_FOREVER_SESSIONS: "true"\n      DF_ALLOW_FOREVER_SESSIONS: "true"',
    settingNote:
      "Keep the quotes. ALLOW_FOREVER_SESSIONS is the name df-docker's start-up script copies into .env; DF_ALLOW_FOREVER_SESSIONS covers images whose PHP sees the container environment (df-docker's PHP-FPM does not). After docker compose up -d, the check above must show DF_ALLOW_FOREVER_SESSIONS=true. If it still shows #DF_ALLOW_FOREVER_SESSIONS=false, your df-docker's script only rewrites a ##-prefixed line: add RUN sed -i 's/^#DF_ALLOW_FOREVER_SESSIONS=.*/DF_ALLOW_FOREVER_SESSIONS=true/' /opt/dreamfactory/.env to the Dockerfile before COPY docker-entrypoint.sh and run docker compose up -d --build web.",
    dfPhp: '/opt/dreamfactory/config/df.php (inside the web container)',
    cacheClear: [
      { label: 'After up -d: clear the cached configuration', command: 'docker compose exec web php artisan config:clear', where: 'the folder with docker-compose.yml' },
      { label: 'After up -d: clear the application cache (it lives on the df-storage volume)', command: 'docker compose exec web php artisan cache:clear', where: 'the folder with docker-compose.yml' },
    ],
    restart: [
      { label: 'Recreate the containers whose configuration changed (a plain restart keeps the old environment)', command: 'docker compose up -d', where: 'the folder with docker-compose.yml' },
    ],
    sources: [S.composeUp, S.composeRestart, S.dfDocker, S.dfDockerReadme, S.dfDocker77, S.envDist],
    checks: {
      'wrong-env':
        "You edited the .env inside the container, or the compose file of another checkout. Web requests read only /opt/dreamfactory/.env inside the web container, which is rebuilt from the image whenever the container is recreated, so edits made with docker compose exec vanish on the next up -d. Put the setting in the web service's environment: block of the docker-compose.yml you start with, then run docker compose exec web grep -n FOREVER .env. Do not trust docker compose exec web php artisan for this: the CLI sees container variables that PHP-FPM does not.",
    },
  },
  'linux-nginx': {
    label: 'Linux with nginx and PHP-FPM (DreamFactory installer)',
    envPath: '/opt/dreamfactory/.env',
    envLocation: '/opt/dreamfactory/.env, next to artisan in the install root the installer creates.',
    findEnv: { label: 'Show the hidden .env', command: 'ls -la /opt/dreamfactory/.env' },
    settingNote: HOST_NOTE,
    dfPhp: '/opt/dreamfactory/config/df.php',
    cacheClear: artisan('php', '/opt/dreamfactory'),
    restart: [
      { label: 'Find the name of your PHP-FPM service', command: FPM_LIST },
      { label: "Restart nginx and PHP-FPM (the quoted pattern matches php8.x-fpm on Debian/Ubuntu and php-fpm on RHEL; or name yours, e.g. php8.3-fpm)", command: "sudo systemctl restart nginx 'php*-fpm.service'" },
    ],
    sources: [S.wiki, S.envDist, S.linux, S.installer, S.basicConfig],
  },
  'linux-apache': {
    label: 'Linux with Apache (DreamFactory installer)',
    envPath: '/opt/dreamfactory/.env',
    envLocation: '/opt/dreamfactory/.env, next to artisan in the install root the installer creates.',
    findEnv: { label: 'Show the hidden .env', command: 'ls -la /opt/dreamfactory/.env' },
    settingNote: HOST_NOTE,
    dfPhp: '/opt/dreamfactory/config/df.php',
    cacheClear: artisan('php', '/opt/dreamfactory'),
    restart: [
      { label: 'Restart Apache on Debian/Ubuntu', command: 'sudo systemctl restart apache2' },
      { label: 'Restart Apache on RHEL, Rocky, Alma or Fedora', command: 'sudo systemctl restart httpd' },
      { label: 'Only if PHP runs as PHP-FPM behind Apache: restart it too', command: "sudo systemctl restart 'php*-fpm.service'" },
    ],
    sources: [S.wiki, S.envDist, S.linux, S.installer, S.basicConfig],
  },
  'windows-iis': {
    label: 'Windows Server with IIS',
    envPath: 'C:\\inetpub\\wwwroot\\dreamfactory\\.env',
    envLocation: 'C:\\inetpub\\wwwroot\\dreamfactory\\.env: the install folder, one level above the public folder IIS serves.',
    findEnv: { label: 'Show the hidden .env', command: 'Get-ChildItem -Force C:\\inetpub\\wwwroot\\dreamfactory\\.env', where: 'PowerShell' },
    settingNote: `${HOST_NOTE} Save it as plain text under the same name (some editors quietly append .txt).`,
    dfPhp: 'C:\\inetpub\\wwwroot\\dreamfactory\\config\\df.php',
    cacheClear: artisan('C:\\php\\php.exe', 'C:\\inetpub\\wwwroot\\dreamfactory (PowerShell as Administrator)'),
    restart: [
      { label: 'Restart IIS, which also ends the PHP FastCGI processes', command: 'iisreset', where: 'PowerShell as Administrator' },
      { label: "Or restart only DreamFactory's application pool (use your pool's name)", command: "Restart-WebItem -PSPath 'IIS:\\AppPools\\<DreamFactory pool>'", where: 'PowerShell as Administrator' },
    ],
    sources: [S.wiki, S.envDist, S.iis, S.restartWebItem, S.basicConfig],
  },
  openshift: {
    label: 'OpenShift (DreamFactory cartridge)',
    envPath: '$OPENSHIFT_REPO_DIR/df/.env',
    envLocation:
      "df/.env in the app's repo directory on the gear ($OPENSHIFT_REPO_DIR/df/.env): the cartridge clones DreamFactory into the repo's df folder and writes .env there.",
    findEnv: { label: 'Show the df folder and its hidden .env', command: 'ls -la $OPENSHIFT_REPO_DIR/df', where: 'the gear, after rhc ssh -a <app>' },
    settingNote:
      "The cartridge's .env has no forever-sessions line at all, so add it. Check it again after a git push redeploys the repo directory.",
    dfPhp: '$OPENSHIFT_REPO_DIR/df/config/df.php',
    cacheClear: artisan('php', '$OPENSHIFT_REPO_DIR/df (after rhc ssh -a <app>)'),
    restart: [{ label: 'Restart the application (nginx and PHP-FPM on the gear)', command: 'rhc app restart -a <app>' }],
    sources: [S.openshift, S.openshiftRestart, S.wiki, S.basicConfig],
  },
  unknown: {
    label: 'Not sure / other install',
    envPath: '<DreamFactory root>/.env',
    envLocation:
      'The DreamFactory root: the folder that holds both artisan and .env (Linux installs usually use /opt/dreamfactory). The web server serves its public subfolder, so the root is one level above the document root.',
    findEnv: { label: 'Find the DreamFactory root', command: "sudo find / -name artisan -path '*dreamfactory*' 2>/dev/null" },
    settingNote: HOST_NOTE,
    dfPhp: '<DreamFactory root>/config/df.php',
    cacheClear: artisan('php', '<DreamFactory root> (the folder with artisan)'),
    restart: [
      { label: 'Find the name of your PHP-FPM service, if any', command: FPM_LIST },
      { label: 'Restart the web server and PHP (nginx + PHP-FPM shown; Apache: apache2 or httpd; IIS: iisreset; Docker: docker compose up -d)', command: "sudo systemctl restart nginx 'php*-fpm.service'" },
    ],
    sources: [S.wiki, S.envDist, S.linux, S.basicConfig],
  },
};

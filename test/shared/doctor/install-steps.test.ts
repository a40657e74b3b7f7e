import { describe, expect, it } from 'vitest';
import {
  FOREVER_SETTING_LINE,
  type InstallKind,
  installKinds,
  installSteps,
  likelyCauses,
  OLD_BUILD_CONFIG_LINE,
} from '../../../shared/doctor/install-steps.ts';

const allCommands = (kind: InstallKind): string[] => {
  const steps = installSteps(kind);
  return [...(steps.findEnv ? [steps.findEnv] : []), ...steps.cacheClear, ...steps.restart].map((step) => step.command);
};

/** The keys a setting line assigns, whether `KEY=value` or compose `KEY: "value"` lines. */
const assignedKeys = (line: string): string[] =>
  line.split('\n').map((part) => /^\s*-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*[=:]/.exec(part)?.[1] ?? '');

describe('installKinds', () => {
  it('lists every kind once, in the documented order', () => {
    expect(installKinds).toEqual([
      'bitnami-linux',
      'bitnami-macos',
      'bitnami-windows',
      'docker',
      'linux-nginx',
      'linux-apache',
      'windows-iis',
      'openshift',
      'unknown',
    ]);
  });
});

describe('installSteps', () => {
  it.each(installKinds)('%s has a label, a place for the setting, cache-clear and restart steps', (kind) => {
    const steps = installSteps(kind);
    expect(steps.kind).toBe(kind);
    expect(steps.label.length).toBeGreaterThan(3);
    expect(steps.envLocation.length).toBeGreaterThan(10);
    expect(steps.setting.file.length).toBeGreaterThan(3);
    expect(steps.setting.note.length).toBeGreaterThan(10);
    expect(steps.cacheClear.length).toBeGreaterThan(0);
    expect(steps.restart.length).toBeGreaterThan(0);
    for (const step of [...steps.cacheClear, ...steps.restart]) {
      expect(step.label.trim()).not.toBe('');
      expect(step.command.trim()).not.toBe('');
    }
  });

  it.each(installKinds)('%s clears both the config and the application cache through artisan', (kind) => {
    const commands = installSteps(kind).cacheClear.map((step) => step.command);
    expect(commands.some((command) => / artisan config:clear$/.test(command))).toBe(true);
    expect(commands.some((command) => / artisan cache:clear$/.test(command))).toBe(true);
  });

  it.each(installKinds)('%s sets an upper-case DF_ALLOW_FOREVER_SESSIONS to true', (kind) => {
    const { line } = installSteps(kind).setting;
    const keys = assignedKeys(line);
    expect(keys).toContain('DF_ALLOW_FOREVER_SESSIONS');
    for (const key of keys) {
      expect(key).not.toBe('');
      expect(key).toBe(key.toUpperCase());
    }
    expect(line).toMatch(/\btrue\b/);
    expect(line).not.toMatch(/\bfalse\b/);
    expect(line).not.toMatch(/^\s*#/m);
  });

  it('uses the exact .env line everywhere except Docker, which uses compose environment syntax', () => {
    for (const kind of installKinds.filter((k) => k !== 'docker')) {
      expect(installSteps(kind).setting.line).toBe(FOREVER_SETTING_LINE);
    }
    expect(FOREVER_SETTING_LINE).toBe('DF_ALLOW_FOREVER_SESSIONS=true');
    const docker = installSteps('docker').setting.line;
    expect(docker).toMatch(/^ {6}DF_ALLOW_FOREVER_SESSIONS: "true"$/m);
    // df-docker's start-up script copies this un-prefixed name into .env; PHP-FPM never sees the other one.
    expect(docker).toMatch(/^ {6}ALLOW_FOREVER_SESSIONS: "true"$/m);
  });

  it('points Bitnami on Linux at its htdocs .env and the stack PHP and control script', () => {
    const steps = installSteps('bitnami-linux');
    expect(steps.envLocation).toContain('/opt/bitnami/apps/dreamfactory/htdocs');
    expect(steps.setting.file).toBe('/opt/bitnami/apps/dreamfactory/htdocs/.env');
    for (const step of steps.cacheClear) {
      expect(step.command.startsWith('/opt/bitnami/php/bin/php artisan ')).toBe(true);
      expect(step.where).toContain('/opt/bitnami/apps/dreamfactory/htdocs');
    }
    expect(steps.restart.map((step) => step.command)).toContain('sudo /opt/bitnami/ctlscript.sh restart');
  });

  it('uses the stack PHP on Bitnami macOS and the full php.exe path on Windows', () => {
    const mac = installSteps('bitnami-macos');
    expect(mac.envLocation).toContain('/Applications/dreamfactory-');
    expect(mac.cacheClear[0]?.command).toMatch(/^\/Applications\/dreamfactory-<version>\/php\/bin\/php artisan /);
    const win = installSteps('bitnami-windows');
    expect(win.setting.file).toBe('C:\\Bitnami\\dreamfactory-<version>\\apps\\dreamfactory\\htdocs\\.env');
    expect(win.cacheClear[0]?.command).toMatch(/^C:\\Bitnami\\dreamfactory-<version>\\php\\php\.exe artisan /);
    const iis = installSteps('windows-iis');
    expect(iis.cacheClear[0]?.command).toBe('C:\\php\\php.exe artisan config:clear');
    expect(iis.restart.map((step) => step.command)).toContain('iisreset');
  });

  it("puts OpenShift's .env in the df folder of the app repo", () => {
    const steps = installSteps('openshift');
    expect(steps.envLocation).toMatch(/\bdf folder\b/);
    expect(steps.setting.file).toBe('$OPENSHIFT_REPO_DIR/df/.env');
    expect(steps.cacheClear[0]?.where).toContain('$OPENSHIFT_REPO_DIR/df');
  });

  it('has Docker edit the compose file and recreate with up -d, never docker compose restart', () => {
    const steps = installSteps('docker');
    expect(steps.setting.file).toContain('docker-compose.yml');
    expect(steps.envLocation).toContain('docker-compose.yml');
    expect(steps.restart.map((step) => step.command)).toEqual(['docker compose up -d']);
    for (const command of allCommands('docker')) expect(command.startsWith('docker compose ')).toBe(true);
    for (const step of steps.cacheClear) expect(step.command).toMatch(/^docker compose exec web php artisan /);
    // The sources may name `docker compose restart` (to explain why not); the advice itself must not.
    const { sources: _sources, ...advice } = steps;
    const adviceText = JSON.stringify({ advice, causes: likelyCauses('docker').map((cause) => cause.title) });
    expect(adviceText).not.toMatch(/docker(-| )compose restart/);
    expect(allCommands('docker').join('\n')).not.toMatch(/\brestart\b/);
  });

  it('finds the install root on unknown installs and runs artisan from it', () => {
    const steps = installSteps('unknown');
    expect(steps.findEnv?.command).toContain('-name artisan');
    expect(steps.envLocation).toMatch(/artisan/);
    expect(steps.envLocation).toMatch(/\.env/);
    expect(steps.cacheClear.every((step) => step.command.startsWith('php artisan '))).toBe(true);
    expect(steps.cacheClear[0]?.where).toMatch(/root/i);
  });

  it('names the PHP-FPM service generically instead of pinning one PHP version', () => {
    for (const kind of ['linux-nginx', 'unknown'] as const) {
      const restart = installSteps(kind).restart.map((step) => step.command).join('\n');
      expect(restart).toContain("'php*-fpm.service'");
      expect(restart).not.toMatch(/php\d\.\d+-fpm/);
    }
    const apache = installSteps('linux-apache').restart.map((step) => step.command);
    expect(apache).toContain('sudo systemctl restart apache2');
    expect(apache).toContain('sudo systemctl restart httpd');
  });

  it.each(installKinds)('%s never suggests weakening TLS or token expiry', (kind) => {
    const text = JSON.stringify({ steps: installSteps(kind), causes: likelyCauses(kind) });
    for (const banned of [
      /verify_peer/i,
      /rejectUnauthorized/i,
      /NODE_TLS/i,
      /--insecure|\bcurl -k\b/i,
      /DF_JWT_TTL\s*[=:]\s*"?0\b/i,
      /DF_JWT_REFRESH_TTL\s*[=:]/i,
      /validateTimestamps|TokenExpiredException/,
      /comment(ing)? out.{0,40}\bexp\b/i,
      /\bexp\b.{0,40}(disable|remove|skip)/i,
      /(disable|remove|skip).{0,40}(expiry|expiration|\bexp\b)/i,
    ]) {
      expect(text).not.toMatch(banned);
    }
  });

  it.each(installKinds)('%s cites at least one https source with what was taken from it', (kind) => {
    const { sources } = installSteps(kind);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(new URL(source.url).protocol).toBe('https:');
      expect(source.title.trim()).not.toBe('');
      expect(source.used.length).toBeGreaterThan(20);
    }
  });

  it.each(installKinds)('%s gives the same old-build config line and a df.php path', (kind) => {
    const { oldBuildConfig } = installSteps(kind);
    expect(oldBuildConfig.line).toBe(OLD_BUILD_CONFIG_LINE);
    expect(oldBuildConfig.file).toMatch(/config[\\/]df\.php/);
    expect(oldBuildConfig.note.length).toBeGreaterThan(20);
  });

  it('hands out fresh objects, so editing one result does not leak into the next', () => {
    const first = installSteps('linux-nginx');
    first.restart[0]!.command = 'changed';
    first.sources[0]!.url = 'changed';
    first.setting.line = 'changed';
    const second = installSteps('linux-nginx');
    expect(second.restart[0]?.command).not.toBe('changed');
    expect(second.sources[0]?.url).not.toBe('changed');
    expect(second.setting.line).toBe(FOREVER_SETTING_LINE);
  });

  it('falls back to the generic guidance for a kind it does not know', () => {
    const steps = installSteps('bitnami-amiga' as InstallKind);
    expect(steps.kind).toBe('unknown');
    expect(steps).toEqual(installSteps('unknown'));
  });
});

describe('likelyCauses', () => {
  it('puts the missed recreate first for Docker, and explains the container .env there', () => {
    const causes = likelyCauses('docker');
    expect(causes.map((cause) => cause.id)).toEqual([
      'container-not-recreated',
      'wrong-env',
      'lower-case',
      'config-cached',
      'old-build-config',
    ]);
    expect(causes[0]?.check).toContain('docker compose up -d');
    const wrongEnv = causes.find((cause) => cause.id === 'wrong-env')?.check ?? '';
    expect(wrongEnv).toMatch(/inside the container/);
    expect(wrongEnv).toContain('docker-compose.yml');
    expect(wrongEnv).toContain('/opt/dreamfactory/.env');
  });

  it.each(installKinds.filter((kind) => kind !== 'docker'))('%s starts with the spelling, in the host order', (kind) => {
    expect(likelyCauses(kind).map((cause) => cause.id)).toEqual([
      'lower-case',
      'wrong-env',
      'config-cached',
      'not-restarted',
      'old-build-config',
    ]);
  });

  it.each(installKinds)('%s checks point at this install’s own files and commands', (kind) => {
    const steps = installSteps(kind);
    const causes = likelyCauses(kind);
    for (const cause of causes) {
      expect(cause.title.trim()).not.toBe('');
      expect(cause.check.length).toBeGreaterThan(40);
    }
    const check = (id: string) => causes.find((cause) => cause.id === id)?.check ?? '';
    expect(check('config-cached')).toContain(steps.cacheClear[0]?.command ?? '-');
    expect(check('old-build-config')).toContain(steps.oldBuildConfig.file);
    expect(check('old-build-config')).toContain(OLD_BUILD_CONFIG_LINE);
    expect(check('lower-case')).toContain(FOREVER_SETTING_LINE);
    if (kind !== 'docker') {
      expect(check('wrong-env')).toContain(steps.setting.file);
      expect(check('not-restarted')).toContain(steps.restart[0]?.command ?? '-');
    }
  });

  it('shows Bitnami Linux users the Bitnami paths in every check that names a file or command', () => {
    const text = likelyCauses('bitnami-linux')
      .map((cause) => cause.check)
      .join('\n');
    expect(text).toContain('/opt/bitnami/apps/dreamfactory/htdocs/.env');
    expect(text).toContain('/opt/bitnami/php/bin/php artisan config:clear');
    expect(text).toContain('sudo /opt/bitnami/ctlscript.sh restart');
  });
});

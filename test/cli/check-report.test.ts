import { describe, expect, it } from 'vitest';
import { causeLines, diagnosisLines, installJson, installKindOf, installLines, probeLines } from '../../electron/cli/check-report.ts';
import { createOutput } from '../../electron/cli/output.ts';
import { diagnose } from '../../shared/doctor/diagnose.ts';
import type { DoctorFacts } from '../../shared/doctor/facts.ts';
import { FOREVER_SETTING_LINE, installSteps, likelyCauses } from '../../shared/doctor/install-steps.ts';
import { NGINX_TRY_FILES } from '../../shared/doctor/rewrite-rules.ts';
import { capture } from './fixtures/cli-harness.ts';

const out = createOutput({ stdout: capture(true), stderr: capture(true), env: { NO_COLOR: '1' } });
const off: DoctorFacts = {
  checkedAt: 0,
  url: 'https://df.example.com',
  server: { kind: 'environment', allowForeverSessions: false, loginAttribute: 'email', version: '7.1.0' },
  session: null,
};

describe('installKindOf', () => {
  it('defaults to unknown and refuses kinds the doctor does not know (usage)', () => {
    expect(installKindOf(undefined)).toBe('unknown');
    expect(installKindOf('docker')).toBe('docker');
    expect(() => installKindOf('k8s')).toThrow(/--install must be one of/);
  });
});

describe('diagnosisLines', () => {
  it('shows the verdict, the three fact sections and, when forever sessions are off, the steps', () => {
    const diagnosis = diagnose(off);
    const text = diagnosisLines(out, diagnosis, { install: 'docker', afterSteps: false }).join('\n');
    expect(text).toContain(diagnosis.headline);
    expect(text).toContain(diagnosis.explanation);
    for (const title of ['What the server says', 'What the token says', 'What DF Desk does']) expect(text).toContain(title);
    expect(text).toContain('Forever sessions (allow_forever_sessions)');
    expect(text).toContain(installSteps('docker').label);
    expect(text).toContain('docker compose up -d');
    expect(text).not.toContain('Still off?');
  });

  it('adds the usual causes after the steps with --after-steps', () => {
    const text = diagnosisLines(out, diagnose(off), { install: 'unknown', afterSteps: true }).join('\n');
    expect(text).toContain(FOREVER_SETTING_LINE);
    expect(text).toContain('Still off? The usual causes');
    for (const cause of likelyCauses('unknown')) expect(text).toContain(cause.title);
  });

  it('gives the rewrite rules for a web server 404, and no install steps when forever sessions are on', () => {
    const rewrite = diagnose({ ...off, server: { kind: 'web-server-404', status: 404, dreamFactoryBehindIndexPhp: true } });
    expect(diagnosisLines(out, rewrite, { install: 'unknown', afterSteps: false }).join('\n')).toContain(NGINX_TRY_FILES);
    const on = diagnose({ ...off, server: { kind: 'environment', allowForeverSessions: true, loginAttribute: 'email' } });
    expect(diagnosisLines(out, on, { install: 'unknown', afterSteps: true }).join('\n')).not.toContain('Turn on forever sessions');
  });

  it('lists findings', () => {
    const skewed = diagnose({
      ...off,
      checkedAt: 1_000_000,
      session: {
        state: 'active',
        refreshed: false,
        keepAlive: true,
        token: { forever: true, expires: 5000, issuedAt: 1600, legacyClaims: false },
        serverClockOffsetMs: 600_000,
      },
    });
    expect(skewed.findings.length).toBeGreaterThan(0);
    const text = diagnosisLines(out, skewed, { install: 'unknown', afterSteps: false }).join('\n');
    expect(text).toContain('Findings');
    expect(text).toContain(skewed.findings[0]?.title);
  });
});

describe('the other sections', () => {
  it('marks each probe check and gives the next step of a failed one', () => {
    const lines = probeLines(out, 'https://x', [
      { id: 'reachable', ok: true, label: 'Server reachable', detail: 'It answered.' },
      { id: 'api-key', ok: false, label: 'API key accepted', detail: 'Refused.', nextStep: 'Check the key.' },
      { id: 'version', ok: null, label: 'Version', detail: 'Not checked.' },
    ]);
    expect(lines).toEqual([
      'Connection test: https://x',
      '  ✓ Server reachable: It answered.',
      '  ✗ API key accepted: Refused.',
      '      → Check the key.',
      '  – Version: Not checked.',
    ]);
  });

  it('numbers the install steps and the causes', () => {
    expect(installLines(out, 'linux-nginx').join('\n')).toContain(installSteps('linux-nginx').setting.file);
    expect(causeLines(out, 'docker')[1]).toMatch(/^ {2}1\. /);
  });

  it('puts the same content in JSON', () => {
    const diagnosis = diagnose(off);
    expect(installJson(diagnosis, { install: 'docker', afterSteps: false })).toEqual({ installSteps: installSteps('docker') });
    expect(installJson(diagnosis, { install: 'docker', afterSteps: true })).toEqual({
      installSteps: installSteps('docker'),
      likelyCauses: likelyCauses('docker'),
    });
    expect(installJson(diagnose({ ...off, server: { kind: 'unreachable', detail: 'x', nextStep: 'y' } }), { install: 'docker', afterSteps: true })).toEqual({});
  });
});

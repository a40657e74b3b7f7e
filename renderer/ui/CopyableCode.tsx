import { useState } from 'react';
import { Button } from './Button.tsx';
import { copyText } from './clipboard.ts';

/** A line to paste somewhere else (a setting, a command), shown exactly, with its own Copy button. */
export function CopyableCode({ text, what }: { text: string; what: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  async function copy() {
    try {
      await copyText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }
  return (
    <div className="copyable">
      <code className="copyable-text">{text}</code>
      <Button variant="ghost" className="copy-button" onClick={copy} aria-label={`Copy ${what}`}>
        Copy
      </Button>
      {/* Announced, since the button itself does not change. */}
      <span className="copy-status muted" role="status">
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Could not copy: select the text instead' : ''}
      </span>
    </div>
  );
}

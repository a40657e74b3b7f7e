import { Button } from '../../ui/Button.tsx';

export const guestBadgeText = "Guest access — the app's default role, not signed in";

export interface GuestAccessNoteProps {
  /** Where the user is: what they can do as a guest there. */
  context: 'data' | 'console' | 'session';
  /** Opens the sign-in; leave out where the sign-in form is right below. */
  onSignIn?: () => void;
}

const explanations: Record<GuestAccessNoteProps['context'], string> = {
  data: "You see what DreamFactory lets anyone with this app's API key see. Sign in to use your own role.",
  console:
    "Requests carry the app's API key only, so DreamFactory answers with the app's default role. Sign in to use your own role.",
  session:
    "This instance's API key opens data without a sign-in: the Data tab and the API console already work, with the app's default role. Sign in below to use your own role.",
};

/**
 * Says plainly that requests run WITHOUT a user: DF answers a request that carries only the API key with the
 * default role of the key's app (guest access), which may differ a lot from what the user's own role allows.
 */
export function GuestAccessNote({ context, onSignIn }: GuestAccessNoteProps) {
  return (
    <section className="guest-note" aria-label="Guest access">
      <span className="badge badge-info">{guestBadgeText}</span>
      <p>{explanations[context]}</p>
      {onSignIn && (
        <Button variant="primary" onClick={onSignIn}>
          Sign in
        </Button>
      )}
    </section>
  );
}

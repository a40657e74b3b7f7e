import { useId } from 'react';
import { presetColors } from './tags.ts';

/**
 * The preset colours as one group of native radio buttons: a single Tab stop (the picked colour, else the
 * first), the arrow keys move and pick. As seven buttons they were seven Tab stops between the form's fields.
 */
export function PresetColours({ color, onColor }: { color: string; onColor: (color: string) => void }) {
  const name = useId();
  const picked = color.trim().toLowerCase();
  return (
    <fieldset className="presets">
      <legend>Preset colours</legend>
      {presetColors.map((preset) => (
        <input
          key={preset.value}
          type="radio"
          name={name}
          className="swatch-button swatch-radio"
          aria-label={`Preset ${preset.name}`}
          checked={preset.value === picked}
          // The swatch is the radio itself: no native dot, the colour fills it.
          style={{ background: preset.value, appearance: 'none' }}
          onChange={() => onColor(preset.value)}
        />
      ))}
    </fieldset>
  );
}

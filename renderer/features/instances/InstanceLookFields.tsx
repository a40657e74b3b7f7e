import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { colorPattern, type InstanceFormErrors, type InstanceFormValues, type SetInstanceField } from './instanceForm.ts';
import { PresetColours } from './PresetColours.tsx';
import { tagLabels, tags } from './tags.ts';

export interface InstanceLookFieldsProps {
  values: InstanceFormValues;
  errors: InstanceFormErrors;
  set: SetInstanceField;
}

const tagOptions = tags.map((tag) => ({ value: tag, label: tagLabels[tag] }));

/** How the instance is told apart: its tag (prod asks before writes), colour and favourite star. */
export function InstanceLookFields({ values, errors, set }: InstanceLookFieldsProps) {
  const color = values.color.trim();
  return (
    <>
      <div className="field-row">
        <SelectField
          label="Tag"
          value={values.tag}
          options={tagOptions}
          onValue={(value) => set('tag', tags.find((tag) => tag === value) ?? 'other')}
          hint={values.tag === 'prod' ? 'Production: every write asks for confirmation.' : undefined}
        />
        <TextField
          label="Color"
          value={values.color}
          onValue={(value) => set('color', value)}
          error={errors.color}
          placeholder="#1e66f5"
          spellCheck={false}
          autoComplete="off"
          className="field-color"
        />
        <span
          className="swatch swatch-large"
          aria-hidden="true"
          style={{ background: colorPattern.test(color) ? color : 'transparent' }}
        />
      </div>
      <PresetColours color={values.color} onColor={(preset) => set('color', preset)} />
      <CheckboxField label="Favourite" checked={values.favorite} onChecked={(checked) => set('favorite', checked)} />
    </>
  );
}

import { BooleanField } from './BooleanField.tsx'
import { CredentialField } from './CredentialField.tsx'
import { DraftTextField } from './DraftTextField.tsx'
import { EnumField } from './EnumField.tsx'
import type { FieldProps } from './field-props.ts'
import { ListField } from './ListField.tsx'
import { MapField } from './MapField.tsx'
import { MultiEnumField } from './MultiEnumField.tsx'
import { ObjectField } from './ObjectField.tsx'
import { parseJsonText, parseNumberText, parseValueText } from './parse-text.ts'
import { TextField } from './TextField.tsx'
import { VariantField } from './VariantField.tsx'

/** Renders any field by its kind; shapes the form does not support are edited as JSON. */
export function Field(props: FieldProps) {
  const { field } = props
  switch (field.kind) {
    case 'text':
      return <TextField {...props} field={field} />
    case 'number':
      return <DraftTextField {...props} parse={parseNumberText} inputMode="decimal" />
    case 'boolean':
      return <BooleanField {...props} field={field} />
    case 'enum':
      return <EnumField {...props} field={field} />
    case 'multi-enum':
      return <MultiEnumField {...props} field={field} />
    case 'credential':
      return <CredentialField {...props} field={field} />
    case 'value':
      return (
        <DraftTextField
          {...props}
          parse={(text) => parseValueText(text, field.accepts)}
          multiline={field.multiline}
        />
      )
    case 'list':
      return <ListField {...props} field={field} />
    case 'map':
      return <MapField {...props} field={field} />
    case 'object':
      return <ObjectField {...props} field={field} />
    case 'variant':
      return <VariantField {...props} field={field} />
    case 'json':
      return (
        <DraftTextField
          {...props}
          field={{
            ...field,
            description: [field.description, `Edited as JSON (${field.reason}).`].filter(Boolean).join(' '),
          }}
          parse={parseJsonText}
          multiline
        />
      )
  }
}

// Form controls the config editor needs beyond ui.tsx: a text area, an on/off switch with a hint,
// and a radio group whose options explain themselves. Each has a real label (tests and screen
// readers find it by role and name); errors arrive already translated.
import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

type Base = { label: string; error?: string | undefined; hint?: string | undefined };

export const TextAreaField = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & Base
>(function TextAreaField({ label, error, hint, ...area }, ref) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        {...area}
      />
      {(error || hint) && (
        <small
          id={`${id}-note`}
          className={error ? 'field-error' : 'hint'}
          role={error ? 'alert' : undefined}
        >
          {error ?? hint}
        </small>
      )}
    </div>
  );
});

/** An on/off choice (a checkbox) with its hint under it. */
export const CheckboxField = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & Base & { note?: ReactNode }
>(function CheckboxField({ label, hint, note, error, ...input }, ref) {
  const id = useId();
  return (
    <div className="switch-field">
      <label htmlFor={id}>
        <input
          id={id}
          ref={ref}
          type="checkbox"
          aria-describedby={hint ? `${id}-hint` : undefined}
          {...input}
        />{' '}
        {label}
      </label>
      {note}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
});

export type RadioOption<V extends string> = { value: V; label: string; description: string };

/** Radio buttons in a fieldset named by its legend; each option's description is its hint. */
export function RadioCards<V extends string>(props: {
  legend: string;
  name: string;
  value: V;
  options: RadioOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="radio-cards">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="radio-card">
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            disabled={props.disabled}
            aria-describedby={`${id}-${option.value}`}
            onChange={() => props.onChange(option.value)}
          />
          <span>
            <strong>{option.label}</strong>
            <small id={`${id}-${option.value}`} className="hint">
              {option.description}
            </small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

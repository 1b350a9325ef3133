// The Colmeia mark: a honeycomb cell drawn inline, so it looks the same without emoji fonts.
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="brand-mark"
    >
      <path d="M12 1.5 21.1 6.75v10.5L12 22.5 2.9 17.25V6.75Z" fill="#e0a100" />
      <path d="M12 6.5 16.76 9.25v5.5L12 17.5 7.24 14.75v-5.5Z" fill="#3b2a00" opacity="0.85" />
    </svg>
  );
}

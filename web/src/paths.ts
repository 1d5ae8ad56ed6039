/**
 * The app's fixed addresses. Used as expressions rather than JSX literals: Solid writes a
 * literal `href="/"` into its HTML template unquoted (`href=/>`), which some parsers misread.
 */
export const paths = {
  home: "/",
  organisation: "/organisation",
} as const;

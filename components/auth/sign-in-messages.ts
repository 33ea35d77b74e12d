/** What each next-auth error code means to the person at the form. */
export function signInErrorMessage(code: string): string {
  switch (code) {
    case "TooManyAttempts":
      return "Too many failed attempts. Wait a minute, then try again.";
    case "SignInBusy":
      return "Too many sign-ins at once. Wait a few seconds, then try again.";
    case "AccessDenied":
      return "That account is not allowed to use this dashboard. Ask an admin to add your email.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
      return "Signing in with that provider failed. Try again, or use your email and password.";
    default:
      return "Wrong email or password.";
  }
}

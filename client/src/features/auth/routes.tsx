import type { RouteObject } from 'react-router';
import { ForgotPasswordPage } from './forgot-password.page.tsx';
import { LoginPage } from './login.page.tsx';
import { MagicLinkPage } from './magic-link.page.tsx';
import { ResetPasswordPage } from './reset-password.page.tsx';
import { SignupPage } from './signup.page.tsx';
import { VerifyEmailPage } from './verify-email.page.tsx';

export const authRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  { path: '/magic-link', element: <MagicLinkPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
];

// A yes/no question in a modal dialog for destructive or irreversible actions.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormError } from '../../ui/ui.tsx';
import { Modal } from './modal.tsx';
import './workspace.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  error,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={title} onClose={onClose}>
      <div>{children}</div>
      <FormError error={error} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </Button>
      </div>
    </Modal>
  );
}

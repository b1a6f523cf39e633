"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { updateNotificationPreferencesAction } from "@/lib/actions/notifications";
import { useActionForm } from "@/lib/forms/use-action-form";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";
import {
  CATEGORY_LABELS,
  DEFAULT_DELIVERY,
  DELIVERY_LABELS,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_DELIVERIES,
  type NotificationPreferencesView,
} from "@/lib/view/notifications/preferences";

/** One choice per category: e-mail at once, in the daily digest, or none (inbox only). */
export function NotificationPreferencesForm({
  preferences,
  mailConfigured,
}: {
  preferences: NotificationPreferencesView;
  mailConfigured: boolean;
}) {
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updateNotificationPreferencesAction,
    schema: notificationPreferencesSchema,
    defaultValues: preferences,
  });
  return (
    <form noValidate className="grid max-w-xl gap-4" onSubmit={onSubmit}>
      {formError && !action.hasSucceeded ? <Alert variant="error">{formError}</Alert> : null}
      {action.hasSucceeded ? (
        <Alert variant="success" live="polite">
          Notification settings saved.
        </Alert>
      ) : null}
      {mailConfigured ? null : (
        <Alert variant="info">
          This installation sends no e-mail yet (SMTP is not configured); your choices apply once it
          does. The inbox shows every notification either way.
        </Alert>
      )}
      {NOTIFICATION_CATEGORIES.map((category) => (
        <FormField
          key={category}
          id={`notify-${category}`}
          label={CATEGORY_LABELS[category]}
          description={`Default: ${DELIVERY_LABELS[DEFAULT_DELIVERY[category]].toLowerCase()}.`}
          error={fieldError(category)}
        >
          <NativeSelect {...form.register(category)}>
            {NOTIFICATION_DELIVERIES.map((delivery) => (
              <option key={delivery} value={delivery}>
                {DELIVERY_LABELS[delivery]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      ))}
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save notification settings"}
        </Button>
      </div>
    </form>
  );
}

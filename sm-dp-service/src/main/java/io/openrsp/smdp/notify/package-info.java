/**
 * DESIGN.md §3: notifications to operators. The SM-SR's ES3 profile change notifications arrive at
 * {@link io.openrsp.smdp.notify.Es3NotificationEndpoint}; order outcomes come as
 * {@link io.openrsp.smdp.order.OrderEnded} events; both become {@link io.openrsp.smdp.notify.WebhookEvent}s that
 * {@link io.openrsp.smdp.notify.WebhookNotifier} posts to the owning operator's webhook.
 */
package io.openrsp.smdp.notify;

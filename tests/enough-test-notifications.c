/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "enough-test-notifications.h"

#include "enough-test-utils.h"

static void
note_free (gpointer data)
{
  EnoughTestNote *note = data;

  g_free (note->summary);
  g_free (note->body);
  g_strfreev (note->actions);
  g_free (note);
}

static GDBusConnection *server_connection;
static GPtrArray       *notes;       /* EnoughTestNote, in the order received */
static guint32          next_note_id = 1;
static gboolean         name_acquired;

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/> <arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/> <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/> <arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/> <arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/> <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/> <arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      EnoughTestNote *note = g_new0 (EnoughTestNote, 1);
      const char *summary, *body;
      g_autofree const char **actions = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)",
                     NULL, NULL, NULL, &summary, &body, &actions, NULL, NULL);
      note->id = next_note_id++;
      note->summary = g_strdup (summary);
      note->body = g_strdup (body);
      note->actions = g_strdupv ((char **) actions);
      g_ptr_array_add (notes, note);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", note->id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "fake", "enough", "1", "1.2"));
    }
}

static const GDBusInterfaceVTable server_vtable = { server_method_call, NULL, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  name_acquired = TRUE;
}

void
enough_test_notifications_start (void)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  server_connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server_connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &server_vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  g_bus_own_name_on_connection (server_connection, "org.freedesktop.Notifications",
                                G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired, NULL, NULL, NULL);
  while (!name_acquired)
    g_main_context_iteration (NULL, TRUE);

  notes = g_ptr_array_new_with_free_func (note_free);
}

GPtrArray *
enough_test_notifications_get (void)
{
  return notes;
}

void
enough_test_notifications_stop (void)
{
  g_clear_pointer (&notes, g_ptr_array_unref);
  g_clear_object (&server_connection);
  name_acquired = FALSE;
}

/* Runs the main loop until @n notifications arrived (D-Bus is async), with
 * a generous deadline so a broken build fails instead of hanging. */
void
enough_test_notifications_wait (guint n)
{
  enough_test_wait_for_count (&notes->len, n, 30);
}

/* The desktop reporting a click on the notification's body. */
void
enough_test_notifications_invoke_default (EnoughTestNote *note)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (server_connection, NULL,
                                 "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications",
                                 "ActionInvoked",
                                 g_variant_new ("(us)", note->id, "default"),
                                 &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (server_connection, NULL, &error);
  g_assert_no_error (error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enough-checkin-chart.h"
#include "enough-checkin-page.h"
#include "enough-checkin-scale.h"
#include "enough-list-utils.h"

struct _EnoughCheckinPage
{
  GtkWidget           parent_instance;

  AdwLeaflet         *leaflet;
  GtkListView        *list_view;
  GtkWidget          *content;
  GtkLabel           *card_title;
  GtkWidget          *today_button;
  EnoughCheckinScale *mood_scale;
  EnoughCheckinScale *energy_scale;
  GtkSpinButton      *daylight_spin;
  GtkToggleButton    *morning_yes;
  GtkToggleButton    *morning_no;
  GtkEditable        *note_entry;
  GtkToggleButton    *range_weeks;
  GtkToggleButton    *range_months;
  GtkToggleButton    *range_year;
  EnoughCheckinChart *chart;
  GtkLabel           *chart_summary;
  GtkLabel           *morning_means;
  GtkLabel           *daylight_means;
  GtkTextView        *reflection_view;

  EnoughStore        *store;
  GtkSliceListModel  *recent;    /* the newest past days, more as the list scrolls */
  GtkNoSelection     *selection;
  char               *day;       /* the open day, "YYYY-MM-DD" */
  EnoughCheckin      *checkin;   /* its check-in, NULL until first touch */
  guint               n_days;    /* the chart's range */
  GArray             *days;      /* EnoughCheckinDay up to today, oldest first */
  GCancellable       *days_read; /* reading them, on a thread */
  gulong              items_changed_id;
  gboolean            loading;   /* filling the widgets: not the user */
};

static void enough_checkin_page_page_init (EnoughPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EnoughCheckinPage, enough_checkin_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ENOUGH_TYPE_PAGE, enough_checkin_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
};

/* ---- Days --------------------------------------------------------------- */

static char *
dup_today (EnoughCheckinPage *self)
{
  gint64 now = self->store != NULL ? enough_store_now (self->store) : g_get_real_time ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return enough_checkin_day_for_time (local);
}

/* "Tuesday 03/10/2026", as the user's locale writes dates */
static char *
dup_day_label (const char *day)
{
  guint32 julian = enough_checkin_day_number (day);
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (julian == 0)
    return g_strdup (day);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              12, 0, 0);
  /* The weekday and the date in the locale's own format */
  return dt != NULL ? g_date_time_format (dt, "%A %x") : g_strdup (day);
}

static char *
dup_number (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.1f", value);
}

/* ---- The chart, its summary, what is noticed together -------------------- */

static void
update_noticed (EnoughCheckinPage *self,
                GArray            *all)
{
  EnoughCheckinGroup g[2];

  for (EnoughCheckinSplit split = ENOUGH_CHECKIN_SPLIT_MORNING; split <= ENOUGH_CHECKIN_SPLIT_DAYLIGHT; split++)
    {
      GtkLabel *label = split == ENOUGH_CHECKIN_SPLIT_MORNING ? self->morning_means : self->daylight_means;
      g_autofree char *text = NULL;

      if (enough_checkin_compare ((const EnoughCheckinDay *) all->data, all->len, split, g))
        {
          g_autofree char *m0 = dup_number (g[0].mean_mood), *e0 = dup_number (g[0].mean_energy);
          g_autofree char *m1 = dup_number (g[1].mean_mood), *e1 = dup_number (g[1].mean_energy);
          g_autofree char *first = NULL, *second = NULL;

          if (split == ENOUGH_CHECKIN_SPLIT_MORNING)
            {
              /* Translators: %u is a number of days, then the mean mood and energy, e.g. "6.4" */
              first = g_strdup_printf (ngettext ("On %u morning outside, mood averaged %s and energy %s.",
                                                 "On %u mornings outside, mood averaged %s and energy %s.",
                                                 g[0].n_days), g[0].n_days, m0, e0);
              /* Translators: %u is a number of days, then the mean mood and energy, e.g. "4.9" */
              second = g_strdup_printf (ngettext ("On %u morning indoors, mood averaged %s and energy %s.",
                                                  "On %u mornings indoors, mood averaged %s and energy %s.",
                                                  g[1].n_days), g[1].n_days, m1, e1);
            }
          else
            {
              /* Translators: %u is a number of days, then the mean mood and energy */
              first = g_strdup_printf (ngettext ("On %u day with 2 hours or more in daylight, mood averaged %s and energy %s.",
                                                 "On %u days with 2 hours or more in daylight, mood averaged %s and energy %s.",
                                                 g[0].n_days), g[0].n_days, m0, e0);
              /* Translators: %u is a number of days, then the mean mood and energy */
              second = g_strdup_printf (ngettext ("On %u day with less, mood averaged %s and energy %s.",
                                                  "On %u days with less, mood averaged %s and energy %s.",
                                                  g[1].n_days), g[1].n_days, m1, e1);
            }
          text = g_strconcat (first, " ", second, NULL);
        }
      else if (split == ENOUGH_CHECKIN_SPLIT_MORNING)
        text = g_strdup (_("Once there are at least 3 mornings outside and 3 indoors, their average mood and energy appear here."));
      else
        text = g_strdup (_("Once there are at least 3 days with 2 hours or more in daylight and 3 with less, their averages appear here."));
      gtk_label_set_label (label, text);
    }
}

static void
update_summary (EnoughCheckinPage *self,
                GArray            *days)
{
  double mood = 0, energy = 0, light = 0;
  guint n_mood = 0, n_energy = 0, n_light = 0;
  g_autofree char *range = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      const EnoughCheckinDay *d = &g_array_index (days, EnoughCheckinDay, i);

      if (d->mood >= 0)
        mood += d->mood, n_mood++;
      if (d->energy >= 0)
        energy += d->energy, n_energy++;
      if (d->daylight >= 0)
        light += d->daylight / 2.0, n_light++;
    }
  range = g_strdup (self->n_days == 14 ? _("The last 2 weeks") :
                    self->n_days == 91 ? _("The last 3 months") : _("The last year"));
  /* Translators: %s is "The last 2 weeks" (or months, year); %u a number of days */
  counts = g_strdup_printf (ngettext ("%s: %u day with a check-in.", "%s: %u days with a check-in.", days->len),
                            range, days->len);
  g_string_append (text, counts);
  if (n_mood > 0)
    {
      g_autofree char *m = dup_number (mood / n_mood);

      g_string_append_c (text, ' ');
      /* Translators: %s is a mean, e.g. "5.8" */
      g_string_append_printf (text, _("Mood averaged %s."), m);
    }
  if (n_energy > 0)
    {
      g_autofree char *e = dup_number (energy / n_energy);

      g_string_append_c (text, ' ');
      /* Translators: %s is a mean, e.g. "5.1" */
      g_string_append_printf (text, _("Energy averaged %s."), e);
    }
  if (n_light > 0)
    {
      g_autofree char *l = dup_number (light / n_light);

      g_string_append_c (text, ' ');
      /* Translators: %s is a mean number of hours, e.g. "2.5" */
      g_string_append_printf (text, _("On average %s hours outside in daylight."), l);
    }
  gtk_label_set_label (self->chart_summary, text->str);
}

/* Shows the chart, its summary and the means from self->days. */
static void
show_days (EnoughCheckinPage *self)
{
  g_autofree char *today = dup_today (self);
  guint32 last = enough_checkin_day_number (today);
  guint32 first = last - self->n_days + 1;
  guint first_shown = 0;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (EnoughCheckinDay));

  while (first_shown < self->days->len && g_array_index (self->days, EnoughCheckinDay, first_shown).day < first)
    first_shown++;
  g_array_append_vals (shown, &g_array_index (self->days, EnoughCheckinDay, first_shown),
                       self->days->len - first_shown);
  enough_checkin_chart_set_days (self->chart, (const EnoughCheckinDay *) shown->data, shown->len,
                                 first, self->n_days);
  update_summary (self, shown);
  update_noticed (self, self->days);
}

static void
days_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EnoughCheckinPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = enough_store_list_checkin_days_finish (ENOUGH_STORE (source), result, &error);

  /* A newer read was started (or the page went away): this one is stale. */
  if (self->days_read == NULL || g_task_get_cancellable (G_TASK (result)) != self->days_read)
    return;
  g_clear_object (&self->days_read);
  if (g_error_matches (error, ENOUGH_STORE_ERROR, ENOUGH_STORE_ERROR_CLOSED))
    return;
  if (days == NULL)
    {
      g_warning ("Could not read the check-ins: %s", error->message);
      return;
    }
  g_clear_pointer (&self->days, g_array_unref);
  self->days = g_steal_pointer (&days);
  show_days (self);
}

/* Every day up to today, read when the page is shown (the means need
 * them all; 20 years are 7,300 small rows), on a thread. */
static void
reload_days (EnoughCheckinPage *self)
{
  g_autofree char *today = NULL;

  if (self->store == NULL)
    return;
  today = dup_today (self);
  if (self->days_read != NULL)
    g_cancellable_cancel (self->days_read);
  g_clear_object (&self->days_read);
  self->days_read = g_cancellable_new ();
  enough_store_list_checkin_days_async (self->store, "0000-00-00", today, self->days_read,
                                        days_read_cb, g_object_ref (self));
}

/* After a value of the open day changed: its row in self->days, in
 * place, without reading the journal again. */
static void
update_open_day (EnoughCheckinPage *self)
{
  EnoughCheckinDay d;
  guint i;

  if (self->checkin == NULL || self->days == NULL)
    return;
  d = (EnoughCheckinDay) { enough_checkin_day_number (self->day), enough_checkin_get_mood (self->checkin),
                           enough_checkin_get_energy (self->checkin), enough_checkin_get_daylight (self->checkin),
                           enough_checkin_get_morning_outside (self->checkin) };
  for (i = 0; i < self->days->len && g_array_index (self->days, EnoughCheckinDay, i).day < d.day; i++)
    ;
  if (i < self->days->len && g_array_index (self->days, EnoughCheckinDay, i).day == d.day)
    g_array_index (self->days, EnoughCheckinDay, i) = d;
  else
    g_array_insert_val (self->days, i, d);
  show_days (self);
}

/* ---- The card ------------------------------------------------------------ */

/* The check-in of the open day, made now if there is none (first touch). */
static EnoughCheckin *
touch (EnoughCheckinPage *self)
{
  if (self->checkin == NULL && self->store != NULL && self->day != NULL)
    self->checkin = enough_store_dup_checkin (self->store, self->day, TRUE);
  return self->checkin;
}

static void
load_card (EnoughCheckinPage *self)
{
  g_autofree char *today = dup_today (self);
  g_autofree char *label = NULL;
  gboolean is_today = g_strcmp0 (self->day, today) == 0;
  EnoughCheckin *c = self->checkin;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reflection_view);
  int daylight = c != NULL ? enough_checkin_get_daylight (c) : -1;
  int morning = c != NULL ? enough_checkin_get_morning_outside (c) : -1;

  self->loading = TRUE;
  label = is_today ? g_strdup (_("Today")) : dup_day_label (self->day);
  gtk_label_set_label (self->card_title, label);
  gtk_widget_set_visible (self->today_button, !is_today);
  enough_checkin_scale_set_value (self->mood_scale, c != NULL ? enough_checkin_get_mood (c) : -1);
  enough_checkin_scale_set_value (self->energy_scale, c != NULL ? enough_checkin_get_energy (c) : -1);
  gtk_spin_button_set_value (self->daylight_spin, daylight >= 0 ? daylight / 2.0 : -0.5);
  /* Toggles in a group cannot all be off through set_active(FALSE) on
   * the pressed one alone: both are cleared. */
  gtk_toggle_button_set_active (self->morning_yes, morning == 1);
  gtk_toggle_button_set_active (self->morning_no, morning == 0);
  if (morning < 0)
    {
      gtk_toggle_button_set_active (self->morning_yes, FALSE);
      gtk_toggle_button_set_active (self->morning_no, FALSE);
    }
  gtk_editable_set_text (self->note_entry, c != NULL ? enough_checkin_get_note (c) : "");
  gtk_text_buffer_set_text (buffer, c != NULL ? enough_checkin_get_reflection (c) : "", -1);
  self->loading = FALSE;
}

void
enough_checkin_page_open_day (EnoughCheckinPage *self,
                              const char        *day)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN_PAGE (self));
  g_return_if_fail (enough_checkin_day_is_valid (day));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  g_free (self->day);
  self->day = g_strdup (day);
  g_clear_object (&self->checkin);
  if (self->store != NULL)
    self->checkin = enough_store_dup_checkin (self->store, day, FALSE);
  load_card (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
enough_checkin_page_open_today (EnoughCheckinPage *self)
{
  g_autofree char *today = NULL;

  g_return_if_fail (ENOUGH_IS_CHECKIN_PAGE (self));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  today = dup_today (self);
  enough_checkin_page_open_day (self, today);
  gtk_widget_grab_focus (GTK_WIDGET (self->mood_scale));
}

static void
on_mood_changed (EnoughCheckinPage *self)
{
  if (self->loading || touch (self) == NULL)
    return;
  enough_checkin_set_mood (self->checkin, enough_checkin_scale_get_value (self->mood_scale));
  update_open_day (self);
}

static void
on_energy_changed (EnoughCheckinPage *self)
{
  if (self->loading || touch (self) == NULL)
    return;
  enough_checkin_set_energy (self->checkin, enough_checkin_scale_get_value (self->energy_scale));
  update_open_day (self);
}

/* The spin button shows "–" below 0: not given yet. */
static gboolean
on_daylight_output (EnoughCheckinPage *self,
                    GtkSpinButton     *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = value < 0 ? g_strdup ("–") : g_strdup_printf ("%.1f", value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_daylight_input (EnoughCheckinPage *self,
                   double            *new_value,
                   GtkSpinButton     *spin)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *dot = g_strdelimit (g_strdup (text), ",", '.');
  char *end = NULL;
  double v;

  if (*text == '\0' || g_str_equal (text, "–") || g_str_equal (text, "-"))
    {
      *new_value = -0.5;
      return TRUE;
    }
  v = g_ascii_strtod (dot, &end);
  if (end == dot || *end != '\0')
    return GTK_INPUT_ERROR;
  /* In half hours */
  *new_value = CLAMP (round (v * 2) / 2, 0, 16);
  return TRUE;
}

static void
on_daylight_changed (EnoughCheckinPage *self)
{
  double value = gtk_spin_button_get_value (self->daylight_spin);

  if (self->loading)
    return;
  if (value < 0 && self->checkin == NULL)
    return;
  if (touch (self) == NULL)
    return;
  enough_checkin_set_daylight (self->checkin, value < 0 ? -1 : (int) lround (value * 2));
  update_open_day (self);
}

static void
on_morning_toggled (EnoughCheckinPage *self)
{
  int value = gtk_toggle_button_get_active (self->morning_yes) ? 1 :
              gtk_toggle_button_get_active (self->morning_no) ? 0 : -1;

  if (self->loading || value < 0 || touch (self) == NULL)
    return;
  enough_checkin_set_morning_outside (self->checkin, value);
  update_open_day (self);
}

static void
on_note_changed (EnoughCheckinPage *self)
{
  const char *text = gtk_editable_get_text (self->note_entry);

  if (self->loading || (*text == '\0' && self->checkin == NULL) || touch (self) == NULL)
    return;
  enough_checkin_set_note (self->checkin, text);
}

static void
on_reflection_changed (EnoughCheckinPage *self,
                       GtkTextBuffer     *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if ((*text == '\0' && self->checkin == NULL) || touch (self) == NULL)
    return;
  enough_checkin_set_reflection (self->checkin, text);
}

static void
on_range_toggled (EnoughCheckinPage *self)
{
  guint n = gtk_toggle_button_get_active (self->range_year) ? 365 :
            gtk_toggle_button_get_active (self->range_months) ? 91 : 14;

  if (n == self->n_days)
    return;
  self->n_days = n;
  if (self->days != NULL)
    show_days (self);
}

void
enough_checkin_page_set_range (EnoughCheckinPage *self,
                               guint              n_days)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN_PAGE (self));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  gtk_toggle_button_set_active (n_days >= 365 ? self->range_year :
                                n_days >= 91 ? self->range_months : self->range_weeks, TRUE);
}

static void
on_back_clicked (EnoughCheckinPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  enough_checkin_page_open_today (ENOUGH_CHECKIN_PAGE (widget));
}

/* ---- Past days ----------------------------------------------------------- */

/* The list holds the newest days and grows by a page as it is scrolled
 * (or moved through with the keyboard) near its end: GTK 4.8's list view
 * makes up to 200 rows at once, and laying out 200 wrapped rows was most
 * of the page's first show with 20 years of days. */
#define RECENT_PAGE 40

static void
factory_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* By words: a row's minimum width is then its longest word, not one
   * character, which lays each row out far more cheaply (the rows' layout
   * was most of the page's first show). */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
factory_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  EnoughCheckin *c = gtk_list_item_get_item (item);
  g_autofree char *day = dup_day_label (enough_checkin_get_day (c));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);

  g_string_append_printf (text, "<b>%s</b>", day);
  if (enough_checkin_get_mood (c) >= 0)
    /* Translators: in the list of past days, e.g. "Mood 6" */
    g_string_append_printf (values, _("Mood %d"), enough_checkin_get_mood (c));
  if (enough_checkin_get_energy (c) >= 0)
    {
      if (values->len > 0)
        g_string_append (values, " · ");
      /* Translators: in the list of past days, e.g. "Energy 4" */
      g_string_append_printf (values, _("Energy %d"), enough_checkin_get_energy (c));
    }
  if (enough_checkin_get_daylight (c) >= 0)
    {
      g_autofree char *hours = g_strdup_printf ("%.1f", enough_checkin_get_daylight (c) / 2.0);

      if (values->len > 0)
        g_string_append (values, " · ");
      /* Translators: in the list of past days, e.g. "2.5 h in daylight" */
      g_string_append_printf (values, _("%s h in daylight"), hours);
    }
  if (values->len > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (values->str, -1);

      g_string_append_printf (text, "\n%s", escaped);
    }
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), text->str);
}

static void
on_list_activate (EnoughCheckinPage *self,
                  guint              position)
{
  g_autoptr(EnoughCheckin) c = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (c != NULL)
    enough_checkin_page_open_day (self, enough_checkin_get_day (c));
}

/* ---- Page ---------------------------------------------------------------- */

void
enough_checkin_page_set_store (EnoughCheckinPage *self,
                               EnoughStore       *store)
{
  g_return_if_fail (ENOUGH_IS_CHECKIN_PAGE (self));
  g_return_if_fail (store == NULL || ENOUGH_IS_STORE (store));

  enough_page_ensure_built (ENOUGH_PAGE (self));
  if (self->store == store)
    return;
  g_clear_object (&self->checkin);
  if (self->store != NULL)
    g_clear_signal_handler (&self->items_changed_id, enough_store_get_checkins (self->store));
  g_set_object (&self->store, store);
  gtk_slice_list_model_set_model (self->recent, store != NULL ? enough_store_get_checkins (store) : NULL);
  /* Days made or brought in (an import) while the page is shown. */
  if (store != NULL)
    self->items_changed_id = g_signal_connect_swapped (enough_store_get_checkins (store), "items-changed",
                                                       G_CALLBACK (reload_days), self);
  if (store != NULL)
    {
      g_autofree char *today = dup_today (self);

      enough_checkin_page_open_day (self, today);
      /* Not shown yet: map() reads the days, once. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload_days (self);
    }
  g_object_notify (G_OBJECT (self), "store");
}

gboolean
enough_checkin_page_get_loading (EnoughCheckinPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), FALSE);
  return self->days_read != NULL;
}

const char *
enough_checkin_page_get_day (EnoughCheckinPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), NULL);
  return self->day;
}

EnoughCheckin *
enough_checkin_page_get_checkin (EnoughCheckinPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), NULL);
  return self->checkin;
}

GtkWidget *
enough_checkin_page_get_mood_scale (EnoughCheckinPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), NULL);
  enough_page_ensure_built (ENOUGH_PAGE (self));
  return GTK_WIDGET (self->mood_scale);
}

GtkListView *
enough_checkin_page_get_list_view (EnoughCheckinPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), NULL);
  enough_page_ensure_built (ENOUGH_PAGE (self));
  return self->list_view;
}

const char *
enough_checkin_page_get_summary (EnoughCheckinPage *self)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), NULL);
  enough_page_ensure_built (ENOUGH_PAGE (self));
  return gtk_label_get_label (self->chart_summary);
}

const char *
enough_checkin_page_get_noticed (EnoughCheckinPage  *self,
                                 EnoughCheckinSplit  split)
{
  g_return_val_if_fail (ENOUGH_IS_CHECKIN_PAGE (self), NULL);
  enough_page_ensure_built (ENOUGH_PAGE (self));
  return gtk_label_get_label (split == ENOUGH_CHECKIN_SPLIT_MORNING ? self->morning_means : self->daylight_means);
}

static void
enough_checkin_page_map (GtkWidget *widget)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (widget);
  g_autofree char *today = NULL;

  enough_page_ensure_built (ENOUGH_PAGE (widget));
  GTK_WIDGET_CLASS (enough_checkin_page_parent_class)->map (widget);
  if (self->store == NULL)
    return;
  /* A new day since the page was last shown: today's card is a new one. */
  today = dup_today (self);
  if (!gtk_widget_get_visible (self->today_button) && g_strcmp0 (self->day, today) != 0)
    enough_checkin_page_open_day (self, today);
  reload_days (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->mood_scale));
}

static void
enough_checkin_page_reveal (EnoughPage         *page,
                            EnoughRecord       *entry,
                            EnoughSearchResult *result,
                            const char         *query)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (page);

  enough_checkin_page_open_day (self, enough_checkin_get_day (ENOUGH_CHECKIN (entry)));
  if (enough_search_result_get_field (result) == ENOUGH_SEARCH_FIELD_REFLECTION)
    gtk_widget_grab_focus (GTK_WIDGET (self->reflection_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

static void
enough_checkin_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_checkin_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enough_checkin_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enough_checkin_page_dispose (GObject *object)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (object);

  g_clear_object (&self->checkin);
  if (self->days_read != NULL)
    g_cancellable_cancel (self->days_read);
  g_clear_object (&self->days_read);
  if (self->store != NULL)
    g_clear_signal_handler (&self->items_changed_id, enough_store_get_checkins (self->store));
  gtk_widget_dispose_template (GTK_WIDGET (object), ENOUGH_TYPE_CHECKIN_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->recent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enough_checkin_page_parent_class)->dispose (object);
}

static void
enough_checkin_page_finalize (GObject *object)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (object);

  g_free (self->day);
  g_clear_pointer (&self->days, g_array_unref);
  G_OBJECT_CLASS (enough_checkin_page_parent_class)->finalize (object);
}

static void
enough_checkin_page_class_init (EnoughCheckinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enough_checkin_page_dispose;
  object_class->finalize = enough_checkin_page_finalize;
  object_class->get_property = enough_checkin_page_get_property;
  object_class->set_property = enough_checkin_page_set_property;
  widget_class->map = enough_checkin_page_map;

  g_object_class_override_property (object_class, PROP_STORE, "store");

  g_type_ensure (ENOUGH_TYPE_CHECKIN_SCALE);
  g_type_ensure (ENOUGH_TYPE_CHECKIN_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/checkin/enough-checkin-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, content);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, card_title);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, mood_scale);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, energy_scale);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, daylight_spin);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, morning_yes);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, morning_no);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, range_weeks);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, range_months);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, range_year);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, chart);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, chart_summary);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, morning_means);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, daylight_means);
  gtk_widget_class_bind_template_child (widget_class, EnoughCheckinPage, reflection_view);
  gtk_widget_class_bind_template_callback (widget_class, on_mood_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_energy_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_daylight_output);
  gtk_widget_class_bind_template_callback (widget_class, on_daylight_input);
  gtk_widget_class_bind_template_callback (widget_class, on_daylight_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_morning_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "checkin.today", NULL, today_action);
}

static void
enough_checkin_page_build (EnoughPage *page)
{
  EnoughCheckinPage *self = ENOUGH_CHECKIN_PAGE (page);

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (factory_setup), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (factory_bind), NULL);
    gtk_list_view_set_factory (self->list_view, factory);
  }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);
  enough_list_grow_near_end (self->list_view, self->recent, RECENT_PAGE, 1.0);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reflection_view), "changed",
                            G_CALLBACK (on_reflection_changed), self);
}

static void
enough_checkin_page_page_init (EnoughPageInterface *iface)
{
  iface->entry_kind = ENOUGH_RECORD_KIND_CHECKIN;
  iface->build = enough_checkin_page_build;
  iface->reveal = enough_checkin_page_reveal;
}

static void
enough_checkin_page_init (EnoughCheckinPage *self)
{
  self->n_days = 14;
  self->recent = gtk_slice_list_model_new (NULL, 0, RECENT_PAGE);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->recent)));
}

/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Enough developers
 */
#pragma once

#include "enough-record.h"

G_BEGIN_DECLS

#define ENOUGH_TYPE_CHECKIN (enough_checkin_get_type ())

G_DECLARE_FINAL_TYPE (EnoughCheckin, enough_checkin, ENOUGH, CHECKIN, EnoughRecord)

/* A value not given yet; distinct from 0. */
#define ENOUGH_CHECKIN_UNSET (-1)
/* Mood and energy are 0..10; daylight is counted in half hours, 0..32
 * (0 to 16 hours). */
#define ENOUGH_CHECKIN_SCALE_MAX 10
#define ENOUGH_CHECKIN_DAYLIGHT_MAX 32

/**
 * EnoughCheckin:
 *
 * The daily check-in: one per local day (day, "YYYY-MM-DD", set when it
 * is made, never changed), mood and energy (0–10), daylight (half hours
 * outside in daylight, 0–32), morning-outside (1 yes, 0 no), a short note
 * and a reflection (the answer to "What patterns do I notice between
 * light and mood shifts?", kept with the day it was written). Every
 * number is %ENOUGH_CHECKIN_UNSET until given. Setters queue an autosave.
 */
const char *enough_checkin_get_day             (EnoughCheckin *self);
int         enough_checkin_get_mood            (EnoughCheckin *self);
void        enough_checkin_set_mood            (EnoughCheckin *self,
                                                int            mood);
int         enough_checkin_get_energy          (EnoughCheckin *self);
void        enough_checkin_set_energy          (EnoughCheckin *self,
                                                int            energy);
int         enough_checkin_get_daylight        (EnoughCheckin *self);
void        enough_checkin_set_daylight        (EnoughCheckin *self,
                                                int            half_hours);
int         enough_checkin_get_morning_outside (EnoughCheckin *self);
void        enough_checkin_set_morning_outside (EnoughCheckin *self,
                                                int            outside);
const char *enough_checkin_get_note            (EnoughCheckin *self);
void        enough_checkin_set_note            (EnoughCheckin *self,
                                                const char    *note);
const char *enough_checkin_get_reflection      (EnoughCheckin *self);
void        enough_checkin_set_reflection      (EnoughCheckin *self,
                                                const char    *reflection);

/* Complete once any one value is given (a note counts). */
gboolean    enough_checkin_is_complete         (EnoughCheckin *self);

/* "YYYY-MM-DD" of @time in its own time zone (newly allocated); the day
 * rule: a check-in belongs to the local calendar day it is made on. */
char       *enough_checkin_day_for_time        (GDateTime     *time);
/* TRUE if @day is a real date written "YYYY-MM-DD". */
gboolean    enough_checkin_day_is_valid        (const char    *day);

G_END_DECLS

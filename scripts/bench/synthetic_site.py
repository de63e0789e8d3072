"""A synthetic help centre, written out twice: for the helpcentre plugin and for plain Material.

Deterministic for a seed. An article depends only on the seed, its category, its index and
its own category's size, so a category's pages come out byte-for-byte the same whatever
size the other categories are; the page-weight benchmark relies on that.

The prose is meant to weigh like real help articles, for benchmarks of search indexes and of
their transfer over gzip. Each category has its own topic words, UI pages and fields; a small
grammar builds most sentences a word or two at a time from kinds of things (documents, people,
money, events, settings, screens, messages), each with the verbs, states and prepositions that
fit it, and the rest come from templates with slots. Every word is drawn Zipf-like (a few words
often, a long tail rarely), with names, dates, amounts and numbers here and there.

Measured with `gzip.compress(text, 6)` over the Markdown bodies (seed 1): the first 5,300
characters of a site compress 2.5:1, the repository's own 5,300 characters of articles 2.8:1.
A whole 1,000-article site compresses 4.5:1 (its paragraphs alone 3.5:1). That is more than a
small sample does, because the steps, headings, links and contact line recur in every article:
with real English prose (3.1:1 alone) in place of the paragraphs, the site compresses 4.0:1.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# fmt: off
CATEGORY_TOPICS = [
    ("Billing & Account", "credit-card-outline"), ("Getting Started", "rocket-launch-outline"),
    ("Clients & Payments", "account-multiple-outline"), ("Policies & Legal", "scale-balance"),
    ("Scheduling", "calendar-clock"), ("Clinical Notes", "note-text-outline"),
    ("Documents & Forms", "file-document-outline"), ("Security & Privacy", "shield-lock-outline"),
    ("Reports", "chart-bar"), ("Telehealth", "video-outline"),
    ("Messaging", "message-text-outline"), ("Reminders", "bell-outline"),
    ("Integrations", "puzzle-outline"), ("Data Export", "database-export-outline"),
    ("Mobile App", "cellphone"), ("Staff & Permissions", "account-key-outline"),
    ("Treatment Plans", "clipboard-text-outline"), ("Insurance Claims", "hospital-box-outline"),
    ("Payroll & Fees", "cash-multiple"), ("Troubleshooting", "help-circle-outline"),
    ("Settings", "cog-outline"), ("Email & Notifications", "email-outline"),
]
# Each topic's own words, most common first: the things its articles are about, words that
# describe them, what you do to them, the pages they are on and the fields those pages have.
TOPIC_WORDS: dict[str, dict[str, str]] = {
    "Billing & Account": {
        "nouns": "invoice, payment method, card, bank account, subscription, statement, receipt, charge, refund, "
                 "account credit, billing contact, billing period, change request, add-on, plan, late fee, tax ID, "
                 "balance, card on file",
        "mods": "monthly, current, past, overdue, annual, pending, saved, default, unpaid, prorated, failed",
        "verbs": "pay, change, update, cancel, upgrade, pre-pay, dispute, download, add, view",
        "pages": "Therasoft Billing, Setup, Billing Center, Account Summary",
        "fields": "Card Number, Name on Card, Expiry (MM/YY), Billing Email, Account Number, Routing Number, "
                  "Billing Address, Tax ID",
    },
    "Getting Started": {
        "nouns": "practice profile, company information, test client, first appointment, intake document, "
                 "catalog of services, welcome checklist, starter template, office hours, practice logo, login, "
                 "onboarding call, user account, sample note, training video",
        "mods": "first, sample, new, default, basic, guided, optional, recommended",
        "verbs": "set up, review, try, complete, invite, customise, activate, skip, finish, start",
        "pages": "Welcome, Setup, Company Information, Getting Started Checklist",
        "fields": "Practice Name, Time Zone, Office Phone, Practice Address, Logo, Display Name, NPI",
    },
    "Clients & Payments": {
        "nouns": "client, payment receipt, client payment, card payment, cash payment, registration page, guardian, "
                 "family account, client balance, payment plan, deposit, co-pay, check payment, credit card, "
                 "emergency contact, client invoice",
        "mods": "new, inactive, minor, returning, partial, online, unapplied, outstanding, recurring, shared",
        "verbs": "register, record, apply, refund, email, charge, collect, merge, deactivate, look up",
        "pages": "Clients, Registration, Payments, Client Ledger, Take Payment",
        "fields": "Date of Birth, Preferred Name, Email, Payment Amount, Payment Type, Check Number, Reference, "
                  "Guardian Name",
    },
    "Policies & Legal": {
        "nouns": "terms of use, business associate agreement, privacy notice, consent form, data retention policy, "
                 "subprocessor list, cookie notice, signed agreement, records request, legal hold, audit request, "
                 "service level agreement",
        "mods": "current, updated, signed, draft, previous, countersigned, standard",
        "verbs": "read, sign, accept, download, request, review, countersign, withdraw, archive",
        "pages": "Legal, Agreements, Compliance, Account Documents",
        "fields": "Signer Name, Signer Title, Effective Date, Organisation, Signature",
    },
    "Scheduling": {
        "nouns": "appointment, recurring appointment, calendar, appointment type, provider availability, time slot, "
                 "waitlist entry, double booking, room, location, no-show, cancellation, buffer time, "
                 "group session, calendar view",
        "mods": "recurring, cancelled, tentative, weekly, first, back-to-back, all-day, rescheduled, open, blocked",
        "verbs": "book, reschedule, cancel, block, move, repeat, confirm, check in, split, colour-code",
        "pages": "Calendar, Scheduler, Appointment Types, Rooms, Availability",
        "fields": "Start Time, Duration, Repeat Every, End Date, Room, Appointment Type, Provider, Location",
    },
    "Clinical Notes": {
        "nouns": "progress note, note template, assessment, session note, intake note, signature, addendum, "
                 "note lock, mental status exam, AI assisted note, diagnosis, treatment goal, supervisor review, "
                 "late entry",
        "mods": "signed, draft, locked, unsigned, shared, custom, late, co-signed, pending",
        "verbs": "write, sign, lock, unlock, co-sign, amend, copy forward, dictate, review, attach",
        "pages": "Progress Notes, Note Templates, Clinical, Assessments, Supervision",
        "fields": "Session Date, Presenting Problem, Interventions, Response to Treatment, Plan, Risk Level, "
                  "Diagnosis Code",
    },
    "Documents & Forms": {
        "nouns": "intake form, document library, uploaded file, PDF, questionnaire, form template, e-signature, "
                 "release of information, client handout, scanned document, fillable form, folder",
        "mods": "custom, signed, shared, scanned, fillable, blank, completed, outdated",
        "verbs": "upload, fill in, send, rename, share, print, scan, attach, replace, organise",
        "pages": "Documents, Form Builder, Document Library, Intake Forms",
        "fields": "File Name, Folder, Visible to Client, Expiry Date, Form Title, Required",
    },
    "Security & Privacy": {
        "nouns": "password, two-step sign-in, login session, audit log, access role, IP allow list, "
                 "security question, recovery code, device, login history, session timeout, encryption key",
        "mods": "strong, expired, trusted, unknown, temporary, locked, suspicious, active",
        "verbs": "reset, enable, disable, revoke, verify, lock, sign out of, change, rotate, audit",
        "pages": "Security, Login Settings, Audit Log, Account Security, Devices",
        "fields": "Current Password, New Password, Verification Code, Session Timeout, Allowed IP Range, "
                  "Authenticator App",
    },
    "Reports": {
        "nouns": "daily schedule report, aging report, revenue report, productivity report, custom report, "
                 "report filter, saved report, invoice summary, payment summary, claim status report, "
                 "dashboard widget, chart",
        "mods": "monthly, weekly, saved, filtered, detailed, summary, scheduled, quarterly, year-to-date",
        "verbs": "run, filter, export, schedule, save, share, compare, print, group, sort",
        "pages": "Reports, Dashboard, Report Library, Saved Reports, Analytics",
        "fields": "Date Range, Group By, Provider, Location, Payer, Report Name, Columns",
    },
    "Telehealth": {
        "nouns": "telehealth session, video link, waiting room, screen share, session recording, connection test, "
                 "virtual room, audio setting, join link, consent to telehealth, bandwidth check",
        "mods": "private, scheduled, shared, group, secure, unstable, test, recurring",
        "verbs": "start, join, end, share, invite, test, mute, admit, send, reconnect",
        "pages": "Telehealth, Video Settings, Virtual Rooms, Session Lobby",
        "fields": "Room Name, Camera, Microphone, Speaker, Waiting Room Message",
    },
    "Messaging": {
        "nouns": "secure message, message thread, inbox, attachment, message template, auto-reply, read receipt, "
                 "broadcast message, conversation, signature line",
        "mods": "unread, secure, archived, flagged, shared, automatic, group, draft",
        "verbs": "send, reply to, forward, archive, flag, search, delete, pin, mark, assign",
        "pages": "Messages, Inbox, Message Templates, Conversations",
        "fields": "To, Subject, Message, Attachment, Priority, Send As",
    },
    "Reminders": {
        "nouns": "appointment reminder, text reminder, reminder message, reminder schedule, confirmation reply, "
                 "opt-out, reminder log, balance reminder, birthday greeting, follow-up reminder",
        "mods": "automatic, text, email, voice, failed, custom, second, default",
        "verbs": "turn on, turn off, customise, resend, schedule, pause, preview, test, edit, check",
        "pages": "Reminders, Reminder Settings, Message Log, Automations",
        "fields": "Send Before, Reminder Text, Reply Keywords, Send Window, Channel",
    },
    "Integrations": {
        "nouns": "integration, calendar sync, accounting export, API key, webhook, clearinghouse connection, "
                 "payment processor, lab interface, single sign-on, connected app, e-prescribing link",
        "mods": "connected, disconnected, third-party, two-way, one-way, expired, new, paused",
        "verbs": "connect, disconnect, sync, authorise, reconnect, map, configure, test, renew, pause",
        "pages": "Integrations, Connected Apps, API Access, Marketplace",
        "fields": "API Key, Client ID, Callback URL, Sync Direction, Account Mapping",
    },
    "Data Export": {
        "nouns": "data export, CSV file, client list, full backup, export job, export history, spreadsheet, "
                 "archive file, download link, column mapping, invoice export",
        "mods": "full, partial, scheduled, encrypted, zipped, filtered, nightly, previous",
        "verbs": "export, download, import, schedule, encrypt, filter, open, archive, request, delete",
        "pages": "Export Center, Data Tools, Backups, Import Wizard",
        "fields": "File Format, Date Range, Include Archived, Delimiter, Encoding",
    },
    "Mobile App": {
        "nouns": "mobile app, push notification, app login, offline mode, card reader, app update, "
                 "fingerprint sign-in, home screen widget, mobile calendar, photo upload",
        "mods": "latest, offline, older, Android, iPhone, tablet, paired, beta",
        "verbs": "install, update, sign in to, pair, enable, sync, uninstall, use, allow, scan",
        "pages": "App Settings, More, Today, Notifications",
        "fields": "Device Name, Face ID, Passcode, Notification Sound, Pairing Code",
    },
    "Staff & Permissions": {
        "nouns": "staff member, user role, permission, supervisor, front-desk account, provider profile, "
                 "login invitation, user licence, access level, team, signature stamp",
        "mods": "new, inactive, custom, read-only, full, limited, former, administrative",
        "verbs": "add, invite, deactivate, assign, restrict, promote, remove, grant, review, transfer",
        "pages": "Staff, User Management, Roles, Team Settings",
        "fields": "Role, Login Email, Credentials, Supervisor, Access Level, Start Date",
    },
    "Treatment Plans": {
        "nouns": "treatment plan, goal, objective, intervention, plan review, target date, plan template, "
                 "progress rating, problem list, discharge summary",
        "mods": "active, completed, revised, draft, long-term, short-term, measurable, signed",
        "verbs": "create, revise, sign, review, close, link, update, print, copy, measure",
        "pages": "Treatment Plans, Plan Templates, Goals, Clinical",
        "fields": "Problem, Goal, Objective, Target Date, Frequency, Responsible Person",
    },
    "Insurance Claims": {
        "nouns": "insurance claim, claim batch, ERA remittance, denial, payer, insurance card, secondary claim, "
                 "claim status, CMS-1500 form, eligibility check, superbill, prior authorisation",
        "mods": "rejected, denied, paid, secondary, electronic, paper, pending, corrected, primary",
        "verbs": "submit, resubmit, correct, post, appeal, check, batch, print, void, match",
        "pages": "Insurance, Claims Manager, Payers, Remittance, Eligibility",
        "fields": "Payer ID, Member ID, Group Number, Claim Number, Place of Service, Modifier, Units, "
                  "Authorisation Number",
    },
    "Payroll & Fees": {
        "nouns": "fee schedule, payroll report, provider pay rate, commission, session fee, sliding scale, "
                 "cancellation fee, processing fee, pay period, card fee",
        "mods": "hourly, per-session, flat, sliding, custom, standard, reduced, monthly",
        "verbs": "set, calculate, adjust, approve, export, close, override, apply, pay, review",
        "pages": "Payroll, Fee Schedule, Pay Rates, Service Fees",
        "fields": "Rate, Effective Date, Pay Period, Service Code, Percentage, Minimum Fee",
    },
    "Troubleshooting": {
        "nouns": "error message, blank page, slow page, login problem, browser cache, pop-up blocker, sync error, "
                 "missing button, stuck upload, printing problem, timeout",
        "mods": "blank, slow, missing, stuck, unexpected, intermittent, recurring, common",
        "verbs": "fix, clear, refresh, report, check, retry, restart, allow, update, troubleshoot",
        "pages": "Help, System Status, Support, Diagnostics",
        "fields": "Browser, Error Code, Steps Taken, Screenshot, Contact Email",
    },
    "Settings": {
        "nouns": "practice setting, time zone, date format, default location, office hours, holiday, logo, "
                 "letterhead, numbering scheme, language, practice address",
        "mods": "default, regional, custom, global, shared, personal, new, legacy",
        "verbs": "change, set, reset, customise, turn on, turn off, preview, save, restore, copy",
        "pages": "Practice Settings, Setup, Preferences, General, Locations",
        "fields": "Time Zone, Date Format, Currency, First Day of Week, Invoice Prefix, Language",
    },
    "Email & Notifications": {
        "nouns": "email notification, email template, sender name, bounced email, notification rule, digest email, "
                 "unsubscribe link, reply-to address, invoice email, receipt email",
        "mods": "automatic, daily, bounced, custom, weekly, internal, client-facing, branded",
        "verbs": "send, resend, customise, turn off, verify, preview, unsubscribe, test, schedule, check",
        "pages": "Notifications, Email Settings, Email Templates, Outbox",
        "fields": "Sender Name, Reply-To, Subject Line, Send Time, Recipients",
    },
}
# Words of every topic, most common first.
GENERIC_VERBS = (
    "change, edit, view, find, update, remove, print, export, share, review, set up, turn on, restore, copy, "
    "delete, rename, move, add, check, undo"
)
ROLES = (
    "account owner, practice administrator, billing manager, front-desk staff member, clinician, supervisor, "
    "office manager, provider, intern, biller, scheduler, read-only user, practice owner, clinical director"
)
OPENERS = (
    "By default, Usually, In most practices, If you are not sure, After that, Optionally, Alternatively, "
    "At any time, From then on, In the meantime, On the mobile app, On a shared computer, Where possible, "
    "As a rule, Before you start, If needed, Otherwise, In that case, Also, For most clients, Since May, "
    "Behind the scenes, On smaller screens, For group practices, In the new layout, Whenever possible"
)
WHEN = (
    "after the session ends, at the end of each month, before the first appointment, when a client pays online, "
    "as soon as you save, overnight, within a few minutes, the next time the client signs in, "
    "when the claim is accepted, at the start of the next billing period, once the note is signed, "
    "when you close the day, before you send the batch, after the payer responds, the moment it is booked, "
    "when the provider is on leave, during the first week, on the due date, after an import, "
    "when the reminder goes out, before the invoice is issued, at midnight in your time zone"
)
CONDITIONS = (
    "the client has more than one insurance policy, you bill by the unit, your practice has several locations, "
    "the option is greyed out, the client is a minor, a payment is already applied, the note is locked, "
    "you work across two time zones, the client has opted out of texts, the card has expired, "
    "the invoice is already paid, you share a computer with other staff, the provider works part time, "
    "the appointment repeats every week, the payer rejects the claim, the client uses the portal, "
    "your browser blocks pop-ups, you need a paper copy, the balance is below zero, "
    "the file is larger than 25 MB, your role is read-only, the session was cancelled late, "
    "you changed the fee schedule this month, the client moved house, two staff members edit it at once"
)
REASONS = (
    "so the totals on your reports stay correct, because the claim has already gone to the payer, "
    "so that nobody books the same room twice, because the audit log must show who made each change, "
    "so the client gets one receipt instead of several, because signed notes cannot be edited, "
    "so your accountant sees the same figures, because payers check the dates against the note, "
    "so reminders go out at a sensible hour, because the bank needs two working days, "
    "so new staff start with the right permissions, to keep client records private, "
    "so the portal shows the latest balance, because some payers still want paper forms"
)
RESULTS = (
    "the client sees the change the next time they sign in to the portal, "
    "the balance on the ledger updates straight away, a line is added to the audit log, "
    "Therasoft emails a copy to the billing contact, the calendar shows a small lock icon, "
    "the old version stays in the history, every provider in the practice gets a notification, "
    "the report picks it up overnight, the status changes to Pending until the payer answers, "
    "nothing else on the account changes, the item moves to the Archived list, "
    "the next invoice shows it as a separate line, the client receives a text with the new time"
)
UI_MENUS = (
    "Setup, Clients, Calendar, Reports, Documents, Staff, Practice Settings, Insurance, Messages, Client Portal, "
    "Payments, Dashboard, Billing, Tools, Help, Admin, My Account, Clinical, Today, Inbox"
)
CONTROL_VERBS = (
    "Save, Add, New, Edit, Delete, Print, Export, Send, Apply, Confirm, Cancel, Close, Update, Upload, Download, "
    "Preview, Submit, Approve, Archive, Restore, Merge, Copy, Search, Filter, Refresh, Sync, Sign, Lock, Unlock, "
    "Assign, Invite, Connect, Reset, Test, Generate, Run, Schedule, Resend, Mark as Paid, Void, Post, Review, "
    "View, Open, Select All, Clear, Import, Share, Attach, Duplicate, Move, Done"
)
CONTROL_NOUNS = (
    "Changes, Details, Client, Note, Invoice, Payment, Row, Template, Report, Reminder, File, Claim, Session, "
    "Appointment, Filters, User, Role, Location, Card, Batch, Link, Entry, Message, Form, Document, Item, "
    "Selection, All, Settings, Contact, Service, Code, Receipt, Group, Provider, Goal, Rule, Folder, Version"
)
STATUSES = (
    "Active, Pending, Paid, Overdue, Draft, Sent, Locked, Signed, Submitted, Rejected, Approved, Scheduled, "
    "Cancelled, No-show, Archived, Completed, Failed, Processing, On hold, Expired, Verified, Partially paid"
)
FEATURE_PREFIXES = (
    "Smart, Quick, Auto, Secure, Express, Batch, Live, Client, Practice, Team, Easy, One-Click, Instant, Daily, "
    "Flex, Clear, Care, Open"
)
FEATURE_SUFFIXES = (
    "Reminders, Billing, Pay, Notes, Intake, Sync, Forms, Claims, Scheduler, Inbox, Vault, Statements, "
    "Insights, Check-in, Waitlist, Share, Sign, Ledger, Portal, Export"
)
FIRST_NAMES = (
    "Jordan, Morgan, Alex, Sam, Taylor, Riley, Casey, Jamie, Avery, Quinn, Dana, Robin, Priya, Mateo, Aisha, Wei, "
    "Fatima, Oliver, Grace, Noah, Leila, Tomás, Hannah, Kofi, Ingrid, Yusuf, Mei, Carlos, Sofia, Ethan, Amara, "
    "Lucas, Nadia, Owen, Chloe, Ravi, Elena, Marcus, Ruth, Diego, Zara, Felix, Imani, Hugo, Saoirse, Tariq, Beatriz, "
    "Anders, Keisha, Dmitri, Lucia, Oisín, Freya, Jamal, Anika, Rafael, Maya, Bilal, Esther, Kenji, Astrid, Emeka, "
    "Lina, Pavel, Rosa, Sanjay, Thea, Idris, Naomi, Viktor, Harriet, Arjun, Cleo, Malik, Isla, Bruno, Yara, Declan, "
    "Ama, Lars, Juno, Farah, Otto, Renée, Sipho, Ines, Caleb, Mira, Theo, Anya"
)
LAST_NAMES = (
    "Avery, Lee, Patel, García, Nguyen, Okafor, Schmidt, Rossi, Kowalski, Brennan, Haddad, Tanaka, Moreau, "
    "Johansson, Mensah, Silva, O'Connor, Fischer, Cohen, Ramirez, Whitfield, Lindqvist, Adeyemi, Novak, Baptiste, "
    "Castillo, Dubois, Hughes, Ivanova, Khan, Murphy, Kaur, Olsen, Mbeki, Yilmaz, Romano, Petrov, Sato, Bianchi, "
    "Doyle, Eriksen, Fernandes, Gallagher, Horvat, Iqbal, Jovanovic, Kimura, Larsen, Moyo, Nakamura, Ortiz, Popescu, "
    "Quigley, Richter, Santos, Tremblay, Usman, Varga, Walsh, Xu, Young, Zielinski, Abbott, Banerjee, Carvalho, "
    "Delgado, Ekström, Farrell, Grant, Hale, Ito, Jensen, Kearney, Lund, Malone"
)
PRACTICE_PLACES = (
    "Riverside, Maple Street, Northgate, Harbour View, Cedar Grove, Lakeside, Hilltop, Westbrook, Oakwood, Summit, "
    "Bayside, Meadow Lane, Eastfield, Willow Creek, Stonebridge, Ashford, Brookside, Clearwater, Dovecote, Elm Park, "
    "Fairview, Glenmore, Highfield, Ivy Lane, Juniper, Kingsbury, Larkspur, Millbrook, Newhaven, Orchard, Parkside, "
    "Queensway, Redwood, Silverdale, Thornbury, Upton, Valley Road, Whitstable, Yew Tree, Alder, Beacon Hill"
)
PRACTICE_KINDS = (
    "Counselling, Family Therapy, Wellness Center, Psychology Group, Behavioral Health, Therapy Associates, "
    "Speech Therapy, Mental Health Clinic, Psychotherapy, Child and Family Service, Counselling Rooms, "
    "Therapy Studio, Wellbeing Hub, Mind Clinic, Talking Therapies, Occupational Therapy, Physio and Rehab, "
    "Care Partners"
)
MONTHS = "January, February, March, April, May, June, July, August, September, October, November, December"
# fmt: on

# fmt: off
# The grammar's things, by kind: what they are called, what you do to them, what state they are
# in, and the prepositions that fit before them. Most common first within each list.
KINDS: dict[str, dict[str, str]] = {
    "document": {
        "nouns": (
            "note, report, document, form, file, template, record, letter, PDF, handout, questionnaire, spreadsheet, "
            "attachment, photo, statement, receipt, summary, checklist, agreement, notice, consent form, chart, log, "
            "export, backup, draft, copy, version, list, table, memo, guide, contract, care plan, referral letter, "
            "progress report, discharge summary, scanned copy, release form, intake packet, welcome packet, fax, "
            "screenshot, envelope, cover sheet, worksheet, school letter, court letter, treatment summary, "
            "sign-in sheet, price list, brochure, invoice copy, appointment card, attendance letter, fit note, "
            "sick note, medical certificate, authorisation form, assessment report, session summary, "
            "outcome measure, rating scale, symptom checklist, safety plan, crisis plan, genogram, timeline, diary, "
            "homework sheet, exercise sheet, reading list, resource pack, leaflet, poster, flyer, certificate, "
            "licence copy, insurance certificate, CV, reference letter, job description, rota, timesheet, "
            "expense claim, mileage log, purchase order, quote, estimate, credit note, remittance advice, "
            "bank statement, tax return, annual report, audit report, incident report, complaint form, "
            "feedback form, evaluation form, sign-up sheet, waiver, disclaimer, appendix, transcript, recording, "
            "audio file, image, drawing, map, floor plan, archive, bundle, zip file, CSV export, backup file, "
            "log file, README, handover note, sticky note, to-do list, agenda, minutes"
        ),
        "verbs": (
            "open, print, sign, upload, download, share, archive, attach, rename, review, approve, export, email, "
            "scan, fill in, complete, lock, unlock, copy, duplicate, delete, restore, edit, update, send, file, "
            "date, stamp, countersign, annotate, preview, translate, replace, tidy up, publish, bookmark, find, "
            "merge, split, redact, save, store, convert, compare, fax, staple, initial, reprint, proofread, shred, "
            "check, laminate, highlight, reformat, retitle, watermark, password-protect, flatten, rotate, crop, "
            "compress, batch, hand out, post out, mail, collate, index, catalogue, tag, number, paginate"
        ),
        "states": (
            "signed, draft, locked, archived, shared, printed, missing, outdated, complete, incomplete, blank, "
            "visible, hidden, read-only, scanned, uploaded, approved, rejected, current, final, unsigned, illegible, "
            "duplicated, expired, encrypted, redacted, attached, filed, misfiled, mislabelled, handwritten, typed, "
            "laminated, stapled, watermarked, password-protected, rotated, cropped, compressed, oversized, portrait, "
            "landscape, double-sided, colour, greyscale, torn, creased"
        ),
        "preps": "on, in, from, with, to, inside, attached to, at the top of, at the bottom of, in the margin of",
    },
    "person": {
        "nouns": (
            "client, provider, clinician, therapist, supervisor, biller, scheduler, guardian, parent, intern, "
            "administrator, owner, colleague, staff member, family member, partner, child, couple, interpreter, "
            "caseworker, referrer, school counsellor, emergency contact, new hire, locum, trainee, bookkeeper, "
            "accountant, office manager, receptionist, psychologist, psychiatrist, social worker, case manager, "
            "student, teacher, spouse, sibling, carer, advocate, attorney, employer, occupational therapist, "
            "speech therapist, nurse, dietitian, counsellor, coach, grandparent, foster carer, key worker, GP, "
            "paediatrician, neurologist, physiotherapist, mentor, volunteer, contractor, consultant, assistant, "
            "practice nurse, peer supporter, team lead, deputy, locum therapist, art therapist, music therapist, "
            "play therapist, family therapist, marriage counsellor, life coach, tutor, head teacher, youth worker, "
            "probation officer, solicitor, judge, insurer, claims adjuster, auditor, inspector, landlord, neighbour, "
            "friend, flatmate, room-mate, twin"
        ),
        "verbs": (
            "invite, notify, remind, contact, assign, add, register, refer, welcome, email, text, call, discharge, "
            "admit, enrol, remove, deactivate, reactivate, transfer, look up, find, thank, train, supervise, "
            "onboard, introduce, reassign, bill, ask, tell, copy in, meet, greet, check in, screen, interview, "
            "match, pair, brief, reassure, update, consult, involve, include, exclude, cc, follow up with, sign up, "
            "check on, hand over to, pair up, mentor, coach, shadow, cover for, stand in for"
        ),
        "states": (
            "active, inactive, new, returning, former, verified, unverified, minor, archived, away, on leave, "
            "available, unavailable, busy, assigned, unassigned, waitlisted, discharged, part-time, full-time, "
            "self-pay, insured, uninsured, overdue, invited, bilingual, hearing-impaired, vision-impaired, "
            "housebound, abroad, travelling, retired, employed, unemployed, studying, pregnant, elderly, underage, "
            "new to therapy, long-standing"
        ),
        "preps": "for, with, by, to, from, about, on behalf of, beside, alongside, without",
    },
    "money": {
        "nouns": (
            "payment, fee, balance, charge, refund, credit, deposit, rate, discount, adjustment, write-off, co-pay, "
            "deductible, late fee, tax, subtotal, total, amount, instalment, payment plan, invoice line, "
            "card payment, bank transfer, cheque, cash payment, payout, commission, surcharge, processing fee, "
            "retainer, tip, overpayment, underpayment, gift card, voucher, sliding fee, no-show fee, package price, "
            "membership fee, price, bursary, grant, scholarship, stipend, reimbursement, mileage claim, expense, "
            "petty cash, float, till, takings, income, revenue, profit, loss, margin, arrears, debt, "
            "instalment plan, standing order, direct debit, chargeback, bank fee, card surcharge, "
            "currency conversion, exchange rate, VAT, sales tax, service charge, booking fee, admin fee, interest, "
            "penalty"
        ),
        "verbs": (
            "charge, refund, apply, waive, split, post, collect, record, void, reverse, adjust, calculate, round, "
            "total, prorate, reconcile, settle, defer, approve, dispute, write off, transfer, allocate, estimate, "
            "review, export, pay, receive, match, deposit, withdraw, hold, release, cap, discount, invoice, "
            "reimburse, top up, pre-authorise, capture, net off, carry forward, backdate, itemise, quote, budget, "
            "pool, forgive, chase, recover"
        ),
        "states": (
            "paid, unpaid, pending, overdue, refunded, settled, partial, waived, applied, unapplied, disputed, "
            "reversed, posted, voided, rounded, estimated, outstanding, due, late, split, taxable, exempt, "
            "recurring, one-off, failed, reimbursable, non-refundable, refundable, pre-authorised, captured, "
            "chargeable, billable, non-billable, carried forward, backdated, itemised, net, gross, rounded up, "
            "rounded down"
        ),
        "preps": "for, on, against, from, towards, with, after, before, towards the cost of, instead of",
    },
    "event": {
        "nouns": (
            "appointment, session, visit, meeting, call, group session, intake, assessment, follow-up, consultation, "
            "supervision, training, workshop, shift, holiday, day off, leave, break, telehealth session, home visit, "
            "phone call, check-in, evaluation, review, deadline, school visit, team meeting, case conference, "
            "family session, couples session, screening, open day, lunch break, bank holiday, audit, inspection, "
            "renewal, trial, demo, webinar, induction, orientation, away day, retreat, conference, seminar, course, "
            "lecture, case review, peer review, clinical review, quarterly review, annual review, appraisal, "
            "one-to-one, huddle, stand-up, debrief, hand-over, night shift, early shift, late shift, weekend shift, "
            "bank holiday rota, waiting list review, drop-in, clinic day, outreach visit, ward round, home call"
        ),
        "verbs": (
            "book, reschedule, cancel, confirm, move, block, repeat, shorten, extend, start, end, join, record, "
            "document, bill, mark, colour-code, duplicate, plan, prepare, review, rebook, swap, cover, pause, "
            "resume, attend, miss, skip, postpone, bring forward, overbook, host, run, chair, stagger, space out, "
            "batch, group, slot in, squeeze in, pencil in, firm up, call off, wind down, kick off, wrap up, time, log"
        ),
        "states": (
            "booked, cancelled, confirmed, tentative, recurring, rescheduled, past, upcoming, missed, completed, "
            "late, overlapping, double-booked, unbilled, billed, unsigned, virtual, in-person, all-day, half-day, "
            "weekly, fortnightly, monthly, urgent, routine, pencilled in, provisional, firm, back-to-back, "
            "staggered, spaced out, overrunning, cut short, drop-in, walk-in, out-of-hours, after-hours, early, "
            "evening, lunchtime"
        ),
        "preps": "for, after, before, during, at, since, until, ahead of, following, instead of",
    },
    "setting": {
        "nouns": (
            "setting, option, preference, default, rule, limit, permission, role, time zone, language, currency, "
            "format, layout, theme, colour, font, reminder rule, notification setting, privacy setting, "
            "password rule, timeout, sync setting, numbering scheme, business hours, tax rate, signature block, "
            "email footer, cut-off time, grace period, booking window, rounding rule, start page, landing page, "
            "short code, shortcut, keyboard shortcut, alias, label, display name, profile picture, accent colour, "
            "date style, week start, first day of the week, default duration, default rate, default location, "
            "default room, default template, reminder lead time, retention period, archive rule, auto-lock, "
            "auto-archive, auto-save, two-step rule, login limit, allowed domain, blocked domain, sender address, "
            "footer text, header text, page size, paper size"
        ),
        "verbs": (
            "change, turn on, turn off, reset, customise, enable, disable, configure, adjust, review, restore, "
            "update, copy, apply, lock, override, tweak, set, inherit, import, export, test, document, standardise, "
            "relax, tighten, pin, unpin, hide, show, rename, reorder, duplicate, preview, roll back, lock down, "
            "open up"
        ),
        "states": (
            "on, off, default, custom, locked, shared, global, personal, inherited, overridden, enabled, disabled, "
            "strict, relaxed, optional, mandatory, recommended, legacy, experimental, hidden, visible, pinned, "
            "rolled back, greyed out, system-wide, per-user, per-location, per-provider, practice-wide, temporary, "
            "permanent"
        ),
        "preps": "in, under, for, from, with, beside, below, above, within, across",
    },
    "screen": {
        "nouns": (
            "button, tab, link, menu, panel, icon, banner, window, dialog, screen, field, box, filter, column, row, "
            "toggle, checkbox, drop-down, search box, sidebar, toolbar, header, footer, tooltip, badge, card, page, "
            "widget, dashboard, calendar view, list view, grid, table view, breadcrumb, progress bar, status bar, "
            "pop-up, scroll bar, date picker, colour picker, hamburger menu, kebab menu, overflow menu, side panel, "
            "bottom bar, top bar, tab strip, segmented control, radio button, slider, stepper, text box, text area, "
            "rich text editor, preview pane, split view, modal, toast, snackbar, spinner, loading bar, placeholder, "
            "avatar, chip, pill, accordion, carousel, thumbnail, map view, timeline view, agenda view, day view, "
            "week view, month view"
        ),
        "verbs": (
            "click, select, open, expand, collapse, tick, clear, use, find, hover over, drag, pin, hide, show, "
            "close, refresh, sort, filter, resize, zoom, scroll, highlight, reorder, switch, tap, long-press, swipe, "
            "pinch, double-tap, right-click, drag and drop, dismiss, undock, dock"
        ),
        "states": (
            "greyed out, hidden, visible, highlighted, collapsed, expanded, pinned, disabled, empty, blank, frozen, "
            "slow, cut off, overlapping, tiny, wide, narrow, bold, red, green, yellow, docked, undocked, floating, "
            "stuck, flickering, misaligned, truncated, scrolled, zoomed in, zoomed out, full-screen, minimised, "
            "maximised"
        ),
        "preps": (
            "on, in, next to, under, above, below, beside, at the top of, at the bottom of, to the right of, "
            "to the left of"
        ),
    },
    "message": {
        "nouns": (
            "message, email, text message, reminder, notification, alert, voicemail, announcement, reply, thread, "
            "comment, request, ticket, question, answer, invitation, confirmation, receipt email, welcome email, "
            "newsletter, survey, follow-up email, out-of-office reply, auto-reply, broadcast, push notification, "
            "digest, bounce, complaint, compliment, text, SMS, WhatsApp message, letter, postcard, card, greeting, "
            "thank-you note, apology, reminder call, missed call, callback request, enquiry, referral request, "
            "booking request, cancellation request, change request, feedback request, review request, nudge, prompt, "
            "banner message, system message, error message, warning message, status update, weekly digest, "
            "monthly summary"
        ),
        "verbs": (
            "send, resend, read, reply to, forward, archive, flag, pin, delete, draft, schedule, preview, customise, "
            "translate, mark, answer, acknowledge, search, mute, print, snooze, assign, escalate, close, reopen, "
            "tag, nudge, chase, copy, cc, bcc, quote, summarise, paraphrase, spell-check, proofread, sign off"
        ),
        "states": (
            "unread, read, sent, delivered, failed, flagged, archived, scheduled, draft, bounced, queued, opened, "
            "answered, ignored, automatic, urgent, secure, encrypted, private, public, spam, junk, undelivered, "
            "delayed, bounced back, copied, forwarded, quoted, unanswered, overdue, polite, short, long, personal, "
            "generic, templated"
        ),
        "preps": "in, about, from, to, with, for, after, since, below, above",
    },
}
# How often each kind of thing comes up, against the category's own topic words.
KIND_WEIGHTS = {"document": 5, "person": 6, "money": 3, "event": 5, "setting": 3, "screen": 3, "message": 3}
TOPIC_SHARE = 0.3
TOPIC_PREPOSITIONS = "for, on, in, from, with, about, after, before, without, against"
GENERAL_ADJECTIVES = (
    "new, current, previous, recent, main, separate, individual, existing, original, latest, additional, optional, "
    "required, several, other, same, next, last, first, second, extra, spare, usual, correct, wrong, whole, entire, "
    "relevant, appropriate, matching, related, linked, specific, particular, general, full, short, long, detailed, "
    "brief, simple, quick, careful, exact, right, important, internal, external, clinical, financial, "
    "administrative, legal, personal, shared, private, public, local, remote, digital, paper, electronic, mobile, "
    "annual, monthly, weekly, daily, nightly, hourly, quarterly, standard, typical, unusual, rare, common, frequent, "
    "occasional, regular, irregular, temporary, permanent, provisional, final, initial, interim, earlier, later, "
    "newer, older, bigger, smaller, longer, shorter, faster, slower, cheaper, dearer, clearer, tidier, safer, "
    "proper, obvious, hidden, subtle, minor, major, serious, urgent, routine, basic, advanced, complex, "
    "straightforward, tricky, awkward, handy, useful, helpful, confusing, misleading, outdated, up-to-date, "
    "consistent, inconsistent, complete, incomplete, accurate, inaccurate, valid, invalid, blank, empty, busy, "
    "quiet, crowded, free, paid, premium, trial, sample, dummy, test, live, real, automatic, manual, mandatory, "
    "recommended, preferred, alternative, equivalent, similar, different, combined, joint, single, double, multiple, "
    "numerous, various, plenty of"
)
ADVERBS = (
    "automatically, manually, usually, quickly, easily, straight away, later, again, first, also, only, still, "
    "already, always, never, often, sometimes, rarely, once, twice, instead, together, separately, directly, "
    "securely, safely, carefully, briefly, fully, partly, mostly, nearly, exactly, roughly, immediately, gradually, "
    "eventually, overnight, in bulk, one by one, by hand, at once, in advance, in time, on time, ahead of time, "
    "right away, for now, for good, as usual, as needed, where possible, in person, by phone, by email, by text, "
    "online, offline, privately, temporarily, permanently, consistently, accurately, clearly, simply, properly, "
    "quietly, regularly, occasionally, every time, slightly, considerably, noticeably, fairly, quite, rather, "
    "really, truly, barely, hardly, largely, mainly, chiefly, primarily, generally, typically, normally, ordinarily, "
    "currently, presently, recently, lately, previously, formerly, initially, finally, ultimately, meanwhile, "
    "afterwards, beforehand, thereafter, subsequently, simultaneously, concurrently, in parallel, in order, "
    "in sequence, at random, on purpose, by accident, by mistake, in error, on request, on demand, on the day, "
    "the day before, the week after, first thing, last thing, at the weekend, after hours, out of hours, "
    "during lunch, before the session, after the session"
)
CONJUNCTIONS = (
    "if, when, after, before, once, unless, until, because, while, as soon as, even if, whenever, since, "
    "although, as long as, in case, now that"
)
SINGULAR_DETERMINERS = (
    "the, your, a, each, this, any, that, the client's, every, its, their, our, another, the provider's, "
    "one, no, the next, the last, the same, either, a client's, your practice's, the supervisor's, "
    "whichever, the clinic's, someone's"
)
PLURAL_DETERMINERS = (
    "the, your, all, any, some, these, their, those, both, most, many, several, few, other, our, more, fewer, "
    "the client's, all of the, none of the, each of the, all your, two, three, up to ten"
)
UI_VERBS = (
    "Click, Select, Open, Choose, Tap, Press, Find, Pick, Tick, Clear, Expand, Use, Go to, Hover over, "
    "Double-click, Right-click, Scroll to, Switch to, Return to, Look for"
)
# How sentences of the grammar begin: "This is useful when you ...", "As a result, ...".
WHEN_OPENERS = (
    "This is useful when, This helps if, It matters when, Do this when, This is handy when, "
    "This saves time when, Use this when, You need this when, This comes up when, Practices do this when, "
    "It is worth doing when, Check this first when, This is the usual fix when, Most people do this when, "
    "This is the safest option when, Think about this when, Skip this unless, Come back to this when"
)
SO_OPENERS = [
    "This means", "That way,", "As a result,", "In other words,", "So", "Because of this,", "In practice,",
    "From then on,", "After that,", "Otherwise,", "In the meantime,", "On top of that,", "Even so,", "Until then,",
    "Either way,", "Better still,", "If not,", "Once that is done,",
]
WISHES = (
    "need to, want to, have to, forget to, try to, are asked to, would rather, decide to, prefer to, "
    "are about to, plan to, are unable to, are allowed to, remember to, offer to, agree to, expect to"
)
EXAMPLE_OPENERS = [
    "for example,", "for instance,", "say", "suppose", "imagine", "take the case where", "as an example,",
]
# fmt: on

# Sentences of the prose, with slots: the article's own task, object and verb ({task}, {obj},
# {verb}, {verb_s}, {verb_pp}, {verb_ing}), and words drawn afresh for each slot.
SENTENCES = [
    "You can {task} from the {page} page at any time.",
    "Only {roles} can {verb} {obj}; for everyone else the option is greyed out.",
    "{opener} {obj} is {verb_pp} for the whole practice as soon as you click {control}.",
    "If {cond}, {verb} {obj} first and then {gverb} {gnoun}.",
    "The {field} field is required, and it has to match the {field_l} on {a_noun}.",
    "Changes to {nouns} show up in reports {when}.",
    "{feature} does this for you {when}, so most practices never {verb} {obj} by hand.",
    "Nothing is deleted: Therasoft keeps every earlier version in the history of {gnoun} for {years} years.",
    "Save your changes before you leave the page.",
    "This takes a few seconds.",
    "The {field} field is optional.",
    "Clients never see {nouns}.",
    "Nothing changes for {nouns} that are already {adj}.",
    "You can undo this for {days} days.",
    "Ask {a_role} if you cannot see {page}.",
    "The total updates straight away.",
    "Look for the {status} label next to {noun}.",
    "{feature} is turned off by default.",
    "Each {bare_noun} can hold up to {num} {gnouns}.",
    "The limit is {num} {nouns} a day, and it resets at {time}.",
    "On {date}, {amount} was charged to the card ending in {last4}.",
    "A fee of {amount} applies if {cond}.",
    "Reports cover the last {days} days unless you change the {field} filter.",
    "Therasoft tries again after {hours} hours, up to {small} times.",
    "Reference numbers look like {ref}.",
    "For example, {person} at {clinic} {verb_s} {obj} every {weekday} {when}.",
    "When {first} from the front desk opens {page}, the {adj} {nouns} are listed first.",
    "{opener} {roles} see {nouns} in the {tab} tab, sorted by {field_l}.",
    "Because {obj} affects {gnouns}, {verb_ing} it is best done {when}.",
    "If you {verb} {obj} by mistake, {gverb} {gnoun} and start again; {result}.",
    "We recommend that you {tverb} {noun} {reason}.",
    "Most practices {verb} {obj} once, when they first set up their account.",
    "The same steps work in the mobile app, although the buttons sit in a menu there.",
    "Allow up to {hours} hours for {nouns} to include the new details.",
    "Your existing {gnouns} and {gnouns} are not affected.",
    "The {field} and {field} fields are filled in for you from {noun}.",
    "{result_cap}.",
    "After you click {control}, {result}.",
    "Therasoft checks the {field_l} {reason}.",
    "When {cond}, {result}.",
    "{opener} you can {tverb} {a_noun} instead of {verb_ing} {obj}.",
    "This is handy for {adj} {nouns}, which otherwise need to be handled one at a time.",
    "Since {month} {year}, {feature} also covers {nouns}.",
    "The {page} page lists {num} {gnouns} at a time; use {filter} to see more.",
    "{verb_ing_cap} {obj} does not change {gnouns} that are already {status_l}.",
    "There is no charge for this on the {plan} plan.",
    "On the {plan} plan, {roles} can also {tverb} {nouns}.",
    "Keep the {field_l} short: {num} characters at most.",
    "Dates use the format set in {page}, such as {date}.",
    "{first} {last}, one of our customers, {verb_s} {obj} {when} {reason}.",
    "A {status_l} {bare_noun} stays in the list until someone clicks {control}.",
    "If {noun} is {status_l}, {verb_ing} {obj} is not possible until it is {adj}.",
    "You will see a short message at the top of the page when it is done.",
    "Hover over {noun} to see who last changed it and when.",
    "The icon next to {noun} shows whether it is {adj} or {adj}.",
    "It can take {minutes} minutes for {nouns} to sync with {feature}.",
    "Clients get an email from {sender} with a link that expires after {days} days.",
    "If the link has expired, {tverb} {noun} again from the {page} page.",
    "Your {role} gets a copy of every {bare_noun} you {verb}.",
    "{opener} the {field_l} is taken from the client's {field_l}.",
    "In a group practice, each provider can {tverb} only their own {nouns}.",
    "To see earlier {nouns}, set {field} to a date before {date}.",
    "Therasoft rounds amounts to the nearest cent, so {amount} shows as {amount}.",
    "Is something missing? Check that the {field_l} is correct, then try again.",
    "Why does this matter? {reason_cap}.",
    "That's it.",
    "You are done: {result}.",
    "Some payers also ask for the {field_l}; add it under {tab}.",
    "For the {ordinal} of each month, {feature} prepares {nouns} for review.",
    "Up to {percent}% of {nouns} can be {verb_pp} this way in one go.",
    "{verb_ing_cap} {obj} on {a_weekday} is the same as on any other day.",
    "You cannot {verb} {obj} while {noun} is {status_l}.",
    "When several {roles} work on {noun}, the last one to click {control} wins.",
    "Deleted {nouns} go to the {page} bin, where they stay for {days} days.",
    "Need to {tverb} {a_noun} for a client who has moved away? Use {control} on their record.",
    "{page} shows a yellow banner until {noun} is {adj}.",
    "The invoice for the month lists {nouns} as separate lines.",
    "Card payments are settled within {small} working days; bank transfers take longer.",
    "Any change to the card on file is recorded in the audit log.",
    "Clients who pay by card get their receipt by email straight away.",
    "If an invoice is overdue, the {bare_noun} is held until it is paid.",
    "You can change this later under {page}.",
    "Changes you make here apply to new {nouns} only.",
]
# A numbered step, after the first: each names the control it is about in bold.
STEPS = [
    "Click {control}",
    "Click the {control} button",
    "Select {control}",
    "Open the {tab} tab",
    "Open the {tab} tab and check the details",
    "Choose {control}, then confirm with {confirm}",
    "In the {field} field, enter the {field_l}",
    "Enter the client's {field_l} in {field}",
    "Select {a_noun} from the {field} list",
    "Tick {checkbox} if {cond}",
    "Check that the status is {status}",
    "Find the {bare_noun} in the list and click {control} next to it",
    "Use {filter} to narrow the list to {adj} {nouns}",
    "Review the details and click {control}",
    "Type the {field_l} in the {search} box",
    "Set {field} to {value}",
    "Click {control} to {verb} {obj}",
    "Add the {field_l} and the {field_l}, then click {control}",
    "Under {tab}, turn on {feature_b}",
    "Click {control}; a window opens with the {adj} {nouns}",
    "Sign with your PIN and click {control}",
    "Wait until the status changes to {status}",
    "Choose who can see it under {field}",
    "Click {control} in the top right corner",
    "Scroll down to {tab} and click {control}",
    "If asked, confirm with {confirm}",
    "Pick a date in {field}, for example {date}",
    "Enter {amount} in {field} and click {control}",
]
FIRST_STEPS = [
    "Go to the {menu} menu",
    "Go to the {menu} menu",
    "Open {page} from the main menu",
    "Go to {menu} and select {page}",
    "Sign in and go to the {page} page",
]
TITLE_FORMS = [
    "How to {verb} {object}",
    "{Verb} {object}",
    "Why can't I {verb} {object}?",
    "What happens when you {verb} {object}",
    "Can I {verb} {object}?",
    "Who can {verb} {object}?",
    "{Verb} {object} for a group practice",
    "{Verb} {object} in bulk",
    "Unable to {verb} {object}",
    "When to {verb} {object}",
    "{Verb} {object} on the mobile app",
    "Where do I {verb} {object}?",
]
SUMMARY_FORMS = [
    "{Verb} {object} from the {page} page, and what it changes for you.",
    "How to {verb} {object}, and who in your practice can do it.",
    "Steps to {verb} {object} in {page}, with the fields you need.",
    "{Verb} {object}: where to find it and what to check first.",
    "What to do when you need to {verb} {object}.",
    "{Verb} {object} in a few clicks from {page}.",
]


@dataclass
class Article:
    category: str
    index: int
    id: int
    title: str
    slug: str
    task: str
    summary: str
    tags: list[str]
    related: list[str]
    links: list[tuple[str, str]]
    steps: list[str]
    paragraphs: list[str]
    promoted: bool

    @property
    def path(self) -> str:
        return f"{self.category}/{self.slug}.md"

    @property
    def ref(self) -> str:
        return f"{self.category}/{self.slug}"

    @functools.cached_property
    def markdown(self) -> str:
        return article_markdown(self)


@dataclass
class Category:
    key: str
    title: str
    description: str
    icon: str
    articles: list[Article] = field(default_factory=list)

    def in_nav_order(self) -> list[Article]:
        """The plugin lists a category's articles by title, case-insensitively."""
        return sorted(self.articles, key=lambda article: article.title.casefold())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_categories(count: int) -> list[tuple[str, str, str]]:
    """(key, title, icon) of `count` categories; topics repeat with a number past the list."""
    found = []
    for number in range(count):
        title, icon = CATEGORY_TOPICS[number % len(CATEGORY_TOPICS)]
        if number >= len(CATEGORY_TOPICS):
            title = f"{title} {number // len(CATEGORY_TOPICS) + 1}"
        found.append((_slug(title), title, icon))
    return found


@functools.cache
def _file_slug(key: str, title: str) -> str:
    """Unique across the help centre, as lint requires: two categories may share a title."""
    return f"{key}-{_slug(title)}"


def _list(text: str) -> list[str]:
    """The words of a comma-separated list, each once, in order."""
    return list(dict.fromkeys(word.strip() for word in text.split(",") if word.strip()))


class _Zipf:
    """Words drawn with weights 1/rank^exponent: the first few often, the long tail now and then."""

    def __init__(self, words: list[str], exponent: float = 1.0) -> None:
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / rank**exponent for rank in range(1, len(words) + 1)))

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.words, cum_weights=self.cumulative)[0]


# Not counted: "a company information", "informations".
# fmt: off
UNCOUNTABLE = {"information", "history", "availability", "mode", "bandwidth", "staff", "data", "cache", "sign-on"}
IRREGULAR = {
    "pay": ("paid", "paying"), "pre-pay": ("pre-paid", "pre-paying"), "send": ("sent", "sending"),
    "resend": ("resent", "resending"), "set": ("set", "setting"), "write": ("written", "writing"),
    "read": ("read", "reading"), "run": ("run", "running"), "find": ("found", "finding"),
    "split": ("split", "splitting"), "withdraw": ("withdrawn", "withdrawing"), "do": ("done", "doing"),
    "undo": ("undone", "undoing"), "redo": ("redone", "redoing"), "begin": ("begun", "beginning"),
    "keep": ("kept", "keeping"), "hold": ("held", "holding"), "build": ("built", "building"),
    "choose": ("chosen", "choosing"), "hide": ("hidden", "hiding"), "show": ("shown", "showing"),
    "forecast": ("forecast", "forecasting"), "free": ("freed", "freeing"),
}
# British spelling, as the articles have it: cancelled, labelled, enrolled.
DOUBLED = {
    "submit", "resubmit", "admit", "pin", "flag", "map", "plan", "stop", "cancel", "label", "log", "drop", "drag",
    "tag", "swap", "enrol", "refer", "defer", "total", "initial",
}
# fmt: on


def _inflect(verb: str) -> tuple[str, str, str]:
    """(third person, past participle, -ing) of a verb, the first word inflected: "signs in to"."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith(("s", "x", "ch", "sh", "o")):
        third = f"{head}es"
    elif head.endswith("y") and head[-2] not in "aeiou":
        third = f"{head[:-1]}ies"
    else:
        third = f"{head}s"
    if head in IRREGULAR:
        participle, gerund = IRREGULAR[head]
    elif head in DOUBLED:
        participle, gerund = f"{head}{head[-1]}ed", f"{head}{head[-1]}ing"
    elif head.endswith("e"):
        participle, gerund = f"{head}d", f"{head[:-1]}ing"
    elif head.endswith("y") and head[-2] not in "aeiou":
        participle, gerund = f"{head[:-1]}ied", f"{head}ing"
    else:
        participle, gerund = f"{head}ed", f"{head}ing"
    return third + tail, participle + tail, gerund + tail


def _head(noun: str) -> tuple[str, str]:
    """A noun phrase split before its preposition: ("card", " on file"), ("terms", " of use")."""
    for preposition in (" on ", " of ", " to ", " for ", " in "):
        if preposition in noun:
            head, _, rest = noun.partition(preposition)
            return head, f"{preposition}{rest}"
    return noun, ""


def _plural(noun: str) -> str:
    head, tail = _head(noun)
    last = head.split(" ")[-1]
    if last in UNCOUNTABLE or (last.endswith("s") and not last.endswith(("ss", "us"))):
        return noun
    if last.endswith(("ss", "us", "x", "ch", "sh")):
        return f"{head}es{tail}"
    if last.endswith("y") and last[-2] not in "aeiou":
        return f"{head[:-1]}ies{tail}"
    return f"{head}s{tail}"


def _is_plural(noun: str) -> bool:
    """Whether a noun is plural already: "terms of use", "office hours"."""
    head = _head(noun)[0].split(" ")[-1]
    return head.endswith("s") and not head.endswith(("ss", "us"))


def _countable(noun: str) -> bool:
    return _head(noun)[0].split(" ")[-1] not in UNCOUNTABLE and not _is_plural(noun)


def _a(noun: str) -> str:
    """The noun with "a" or "an", or "the" when it takes neither."""
    if not _countable(noun):
        return f"the {noun}"
    first = noun.split(" ")[0]
    if first.isupper() and len(first) > 1:
        vowel = first[0] in "AEFHILMNORSX"
    else:
        lower = first.lower()
        vowel = (lower[0] in "aeiou" and not lower.startswith(("us", "uni", "one"))) or lower.startswith("hour")
    return f"{'an' if vowel else 'a'} {noun}"


def _lower(label: str) -> str:
    """A UI label as prose: "Date of Birth" -> "date of birth", acronyms kept: "Tax ID" -> "tax ID"."""
    return " ".join(word if sum(c.isupper() for c in word) > 1 else word.lower() for word in label.split(" "))


def _label(noun: str) -> str:
    """A noun as a UI label: "card on file" -> "Card on File"."""
    small = {"on", "of", "to", "for", "in", "and"}
    return " ".join(
        word if word in small or word[:1].isupper() else word[:1].upper() + word[1:] for word in noun.split()
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Kind:
    """A kind of thing: what it is called, what you do to it, what state it is in, what goes before it."""

    nouns: _Zipf
    verbs: _Zipf
    states: _Zipf
    preps: _Zipf


@dataclass(frozen=True)
class _Phrase:
    text: str
    plural: bool
    kind: _Kind


@dataclass(frozen=True)
class _Topic:
    """A topic's words and the words every topic shares, each drawn Zipf-like."""

    nouns: list[str]
    mods: list[str]
    verbs: list[str]
    noun: _Zipf
    verb: _Zipf
    page: _Zipf
    field: _Zipf
    # The topic's own things, as a kind: its nouns, verbs and modifiers.
    kind: _Kind


def _topic_of(key: str) -> str:
    """The topic a category key was made from: "billing-account-2" -> "Billing & Account"."""
    topics = {_slug(title): title for title, _ in CATEGORY_TOPICS}
    base = re.sub(r"-\d+$", "", key)
    if base in topics:
        return topics[base]
    return CATEGORY_TOPICS[sum(key.encode()) % len(CATEGORY_TOPICS)][0]


@functools.cache
def _topic(key: str) -> _Topic:
    words = TOPIC_WORDS[_topic_of(key)]
    nouns, mods, verbs = _list(words["nouns"]), _list(words["mods"]), _list(words["verbs"])
    pages, fields = _list(words["pages"]), _list(words["fields"])
    # A topic's own words come first; the shared ones make up the long tail.
    all_verbs = verbs + [verb for verb in _list(GENERIC_VERBS) if verb not in verbs]
    all_pages = pages + [page for page in _list(UI_MENUS) if page not in pages]
    all_fields = fields + [field for topic in TOPIC_WORDS.values() for field in _list(topic["fields"])]
    return _Topic(
        nouns,
        mods,
        verbs,
        _Zipf(nouns, 0.8),
        _Zipf(all_verbs),
        _Zipf(all_pages, 1.2),
        _Zipf(all_fields, 1.1),
        _Kind(_Zipf(nouns, 0.8), _Zipf(verbs, 0.8), _Zipf(mods, 0.8), _Zipf(_list(TOPIC_PREPOSITIONS))),
    )


# Drawn from by every article, whatever its topic.
_KINDS = {
    name: _Kind(
        _Zipf(_list(words["nouns"]), 0.9),
        _Zipf(_list(words["verbs"]), 0.9),
        _Zipf(_list(words["states"]), 0.9),
        _Zipf(_list(words["preps"])),
    )
    for name, words in KINDS.items()
}
_KIND_NAMES = list(KIND_WEIGHTS)
_KIND_CUMULATIVE = list(itertools.accumulate(KIND_WEIGHTS.values()))
_GENERIC_VERB = _Zipf(_list(GENERIC_VERBS))
_ADJECTIVE = _Zipf(_list(GENERAL_ADJECTIVES), 0.9)
_ADVERB = _Zipf(_list(ADVERBS), 0.9)
_CONJUNCTION = _Zipf(_list(CONJUNCTIONS))
_SINGULAR_DET = _Zipf(_list(SINGULAR_DETERMINERS))
_PLURAL_DET = _Zipf(_list(PLURAL_DETERMINERS))
_COUNTING_DETS = {"each", "every", "one", "another", "either", "whichever"}
_MODAL = _Zipf(["can", "may", "should", "will", "must", "might", "cannot", "could", "would", "need not"])
_YOU_MODAL = _Zipf(
    ["can", "can also", "may need to", "should", "cannot", "do not need to", "might want to", "can still"]
)
_UI_VERB = _Zipf(_list(UI_VERBS))
_WHEN_OPENER = _Zipf(_list(WHEN_OPENERS), 0.6)
_SO_OPENER = _Zipf(SO_OPENERS, 0.6)
_WISH = _Zipf(_list(WISHES), 0.6)
_EXAMPLE = _Zipf(EXAMPLE_OPENERS, 0.6)
_ROLE = _Zipf(_list(ROLES))
_OPENER = _Zipf(_list(OPENERS), 0.7)
_WHEN = _Zipf(_list(WHEN), 0.7)
_CONDITION = _Zipf(_list(CONDITIONS), 0.7)
_REASON = _Zipf(_list(REASONS), 0.7)
_RESULT = _Zipf(_list(RESULTS), 0.7)
_MENU = _Zipf(_list(UI_MENUS))
_CONTROL_VERB = _Zipf(_list(CONTROL_VERBS))
_CONTROL_NOUN = _Zipf(_list(CONTROL_NOUNS))
_STATUS = _Zipf(_list(STATUSES))
_FEATURE_PREFIX = _Zipf(_list(FEATURE_PREFIXES), 0.6)
_FEATURE_SUFFIX = _Zipf(_list(FEATURE_SUFFIXES), 0.6)
_FIRST_NAME = _Zipf(_list(FIRST_NAMES), 0.5)
_LAST_NAME = _Zipf(_list(LAST_NAMES), 0.5)
_PLACE = _Zipf(_list(PRACTICE_PLACES), 0.5)
_PRACTICE_KIND = _Zipf(_list(PRACTICE_KINDS), 0.5)
_MONTHS = _list(MONTHS)
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PLANS = ["Solo", "Group", "Practice Plus", "Enterprise", "Starter"]
_CONFIRMS = ["Save", "Save", "Confirm", "Done", "Yes", "OK", "Continue", "Apply"]
_SEARCH_BOXES = ["Search", "Search", "Find Client", "Quick Search", "Filter"]
_CHECKBOXES = ["Apply to all", "Send a copy to", "Include", "Hide", "Notify"]
ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_REF_PREFIXES = ["INV", "CLM", "PAY", "REF", "TX", "CR", "ERA", "APT"]


class _Prose:
    """Fills the slots of one article's sentences and steps, from its own random draws."""

    def __init__(self, rng: random.Random, topic: _Topic, verb: str, obj: str) -> None:
        self.rng = rng
        self.topic = topic
        self.verb = verb
        self.obj = obj
        self.verb_s, self.verb_pp, self.verb_ing = _inflect(verb)

    def fill(self, template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda match: self.slot(match[1]), template)

    def sentence(self) -> str:
        if self.rng.random() < TEMPLATE_SHARE:
            return _capital(self.fill(self.rng.choice(SENTENCES)))
        return self.grammar_sentence()

    def noun(self) -> str:
        return self.topic.noun(self.rng)

    def control(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return _CONTROL_VERB(rng)
        if roll < 0.55:
            return f"{_CONTROL_VERB(rng)} {_label(self.noun())}"
        return f"{_CONTROL_VERB(rng)} {_CONTROL_NOUN(rng)}"

    def feature(self) -> str:
        return f"{_FEATURE_PREFIX(self.rng)} {_FEATURE_SUFFIX(self.rng)}"

    def date(self) -> str:
        rng = self.rng
        month, day, year = rng.choice(_MONTHS), rng.randint(1, 28), rng.randint(2019, 2027)
        return f"{day} {month} {year}" if rng.random() < 0.6 else f"{month} {day}, {year}"

    def amount(self) -> str:
        rng = self.rng
        dollars = min(int(rng.paretovariate(1.2) * 12), 4999)
        cents = rng.choice([0, 0, 0, 50, 25, 75, 95, rng.randint(1, 99)])
        return f"${dollars:,}.{cents:02d}"

    def value(self) -> str:
        rng = self.rng
        return rng.choice(
            [
                f"{rng.choice([5, 10, 15, 30, 45, 50, 60, 90])} minutes",
                f"{rng.choice([1, 2, 12, 24, 48, 72])} hours",
                self.date(),
                self.amount(),
                rng.choice(["Weekly", "Every 2 weeks", "Monthly", "Never", "All providers", "Yes", "No"]),
                _capital(_ADJECTIVE(rng)),
            ]
        )

    # The grammar: sentences built a word or two at a time, each verb drawn for its object.

    def kind(self) -> _Kind:
        if self.rng.random() < TOPIC_SHARE:
            return self.topic.kind
        return _KINDS[self.rng.choices(_KIND_NAMES, cum_weights=_KIND_CUMULATIVE)[0]]

    def noun_phrase(self, kind: _Kind | None = None, simple: bool = False) -> _Phrase:
        """A noun phrase: "the pending invoices for your clients"."""
        rng = self.rng
        if kind is None and not simple and rng.random() < 0.06:
            return _Phrase(self.obj, False, self.topic.kind)
        kind = kind or self.kind()
        noun = kind.nouns(rng)
        adjectives = []
        if rng.random() < 0.3:
            adjectives.append(kind.states(rng) if rng.random() < 0.6 else _ADJECTIVE(rng))
        plural = _countable(noun) and rng.random() < 0.3
        if plural:
            core = " ".join([*adjectives, _plural(noun)])
            determiner = str(rng.randint(2, 40)) if rng.random() < 0.08 else _PLURAL_DET(rng)
            phrase = f"{determiner} {core}"
        else:
            core = " ".join([*adjectives, noun])
            determiner = _SINGULAR_DET(rng)
            if determiner == "a" or (determiner in _COUNTING_DETS and not _countable(noun)):
                phrase = _a(core)
            else:
                phrase = f"{determiner} {core}"
        if not simple and rng.random() < 0.15:
            phrase += f" {self.prepositional()}"
        return _Phrase(phrase, plural or _is_plural(noun), kind)

    def prepositional(self) -> str:
        """ "for the client", "on the signed form": a preposition that fits the thing after it."""
        kind = self.kind()
        return f"{kind.preps(self.rng)} {self.noun_phrase(kind, simple=True).text}"

    def agent(self) -> tuple[str, bool]:
        """Who does something, and whether they are many: "the billing manager", "clients"."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return rng.choice(["Therasoft", "the system", "your team", "the portal", "the app"]), False
        if roll < 0.6:
            if rng.random() < 0.4:
                return _plural(_ROLE(rng)), True
            determiner, role = rng.choice(["the", "your", "each", "any", "a"]), _ROLE(rng)
            return (_a(role) if determiner == "a" else f"{determiner} {role}"), False
        phrase = self.noun_phrase(_KINDS["person"])
        return phrase.text, phrase.plural

    def action(self, form: str = "base") -> str:
        """A verb and its object: "archive the signed consent form"; form: base, s, pp or ing."""
        thing = self.noun_phrase()
        verb = self.verb if thing.text == self.obj else thing.kind.verbs(self.rng)
        inflected = {"base": verb, "s": _inflect(verb)[0], "pp": _inflect(verb)[1], "ing": _inflect(verb)[2]}
        return f"{inflected[form]} {thing.text}"

    def clause(self) -> str:
        """A clause that can follow "if" or "when"."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            phrase = self.noun_phrase()
            return f"{phrase.text} {'are' if phrase.plural else 'is'} {phrase.kind.states(rng)}"
        if roll < 0.6:
            agent, many = self.agent()
            return f"{agent} {self.action('base' if many else 's')}"
        if roll < 0.8:
            return f"you {self.action()}"
        wish = _WISH(rng)
        return f"you {wish} {self.action()}"

    def statement(self) -> str:
        """A main clause."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return self.action()
        if roll < 0.5:
            return f"you {_YOU_MODAL(rng)} {self.action()}"
        if roll < 0.7:
            agent, many = self.agent()
            if rng.random() < 0.5:
                return f"{agent} {_MODAL(rng)} {self.action()}"
            return f"{agent} {self.action('base' if many else 's')}"
        if roll < 0.85:
            phrase = self.noun_phrase()
            adverb = f"{_ADVERB(rng)} " if rng.random() < 0.15 else ""
            verb = _inflect(phrase.kind.verbs(rng))[1]
            return f"{phrase.text} {'are' if phrase.plural else 'is'} {adverb}{verb}"
        phrase = self.noun_phrase()
        link = rng.choice(["is", "stays", "remains", "shows as", "becomes", "looks"])
        if phrase.plural:
            link = {"is": "are", "shows as": "show as"}.get(link, link.removesuffix("s"))
        return f"{phrase.text} {link} {phrase.kind.states(rng)}"

    def time_phrase(self) -> str:
        rng = self.rng
        unit = rng.choice(["minutes", "hours", "days", "weeks", "months", "working days", "sessions"])
        number = rng.choice([2, 3, 5, 7, 10, 14, 15, 30, 45, 60, 90, rng.randint(2, 120)])
        return rng.choice(
            [
                f"on {self.date()}",
                f"at {self.slot('time')}",
                f"every {number} {unit}",
                f"within {number} {unit}",
                f"after {number} {unit}",
                f"for {number} {unit}",
                f"{number} {unit} later",
                f"before {rng.choice(_WEEKDAYS)}",
                f"in {rng.choice(_MONTHS)}",
                f"by the {self.slot('ordinal')}",
                f"between {self.slot('time')} and {self.slot('time')}",
                f"since {rng.choice(_MONTHS)} {rng.randint(2019, 2026)}",
            ]
        )

    def adverbial(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return self.prepositional()
        if roll < 0.62:
            return _ADVERB(rng)
        if roll < 0.8:
            return self.time_phrase()
        where = rng.choice(["from", "in", "on", "under", "via", "next to", "below"])
        return f"{where} the {self.slot('page')} {_KINDS['screen'].nouns(rng)}"

    def grammar_sentence(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            sentence = self.statement()
        elif roll < 0.62:
            sentence = f"{_CONJUNCTION(rng)} {self.clause()}, {self.statement()}"
        elif roll < 0.7:
            opener = _WHEN_OPENER(rng)
            sentence = f"{opener} {self.clause()}"
        elif roll < 0.78:
            opener = _SO_OPENER(rng)
            sentence = f"{opener} {self.clause()}"
        elif roll < 0.86:
            person = f"{_FIRST_NAME(rng)} {_LAST_NAME(rng)}" if rng.random() < 0.5 else _FIRST_NAME(rng)
            sentence = f"{_EXAMPLE(rng)} {person} at {self.slot('clinic')} {self.action('s')} {self.time_phrase()}"
        elif roll < 0.93:
            phrase = self.noun_phrase()
            sentence = f"there {'are' if phrase.plural else 'is'} {phrase.text} {self.prepositional()}"
        else:
            phrase = self.noun_phrase()
            return _capital(
                rng.choice(
                    [
                        f"need to {self.action()}?",
                        f"why {'are' if phrase.plural else 'is'} {phrase.text} {phrase.kind.states(rng)}?",
                        f"can {_plural(_ROLE(rng))} {self.action()}?",
                        f"what if you {self.action()}?",
                    ]
                )
            )
        if rng.random() < 0.4:
            sentence += f" {self.adverbial()}"
        if rng.random() < 0.2:
            sentence += f", {_CONJUNCTION(rng)} {self.clause()}"
        return _capital(sentence) + "."

    def step(self) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            return self.fill(rng.choice(STEPS))
        label = rng.choice([self.slot("control"), self.slot("tab"), self.slot("field"), self.slot("page")])
        ui = _KINDS["screen"].nouns(rng)
        step = f"{_UI_VERB(rng)} the {label} {ui}" if rng.random() < 0.5 else f"{_UI_VERB(rng)} {label}"
        roll = rng.random()
        if roll < 0.3:
            step += f", then {_UI_VERB(rng).lower()} {self.slot('control')}"
        elif roll < 0.55:
            step += f" to {self.action()}"
        elif roll < 0.75:
            step += f" {self.adverbial()}"
        return step

    def slot(self, name: str) -> str:
        rng = self.rng
        match name:
            case "task":
                return f"{self.verb} {self.obj}"
            case "obj":
                return self.obj
            case "verb":
                return self.verb
            case "verb_s":
                return self.verb_s
            case "verb_pp":
                return self.verb_pp
            case "verb_ing":
                return self.verb_ing
            case "verb_ing_cap":
                return _capital(self.verb_ing)
            case "tverb":
                return self.topic.verb(rng)
            case "gverb":
                return _GENERIC_VERB(rng)
            case "noun":
                return f"the {self.noun()}"
            case "a_noun":
                return _a(self.noun())
            case "nouns":
                return _plural(self.noun())
            case "bare_noun":
                return self.noun()
            case "gnoun":
                return f"the {self.kind().nouns(rng)}"
            case "gnouns":
                return _plural(self.kind().nouns(rng))
            case "adj":
                return _ADJECTIVE(rng)
            case "role":
                return _ROLE(rng)
            case "a_role":
                return _a(_ROLE(rng))
            case "roles":
                return _plural(_ROLE(rng))
            case "page":
                return f"**{self.topic.page(rng)}**"
            case "menu":
                return f"**{_MENU(rng)}**"
            case "control":
                return f"**{self.control()}**"
            case "confirm":
                return f"**{rng.choice(_CONFIRMS)}**"
            case "field":
                return f"**{self.topic.field(rng)}**"
            case "field_l":
                return _lower(self.topic.field(rng))
            case "tab":
                return f"**{_label(self.noun()) if rng.random() < 0.5 else _CONTROL_NOUN(rng)}**"
            case "checkbox":
                return f"**{rng.choice(_CHECKBOXES)} {_label(_plural(self.noun()))}**"
            case "search":
                return f"**{rng.choice(_SEARCH_BOXES)}**"
            case "filter":
                return f"**Filter by {_label(_lower(self.topic.field(rng)))}**"
            case "value":
                return f"**{self.value()}**"
            case "status":
                return f"**{_STATUS(rng)}**"
            case "status_l":
                return _STATUS(rng).lower()
            case "feature":
                return self.feature()
            case "feature_b":
                return f"**{self.feature()}**"
            case "person":
                return f"{_FIRST_NAME(rng)} {_LAST_NAME(rng)}"
            case "first":
                return _FIRST_NAME(rng)
            case "last":
                return _LAST_NAME(rng)
            case "clinic":
                return f"{_PLACE(rng)} {_PRACTICE_KIND(rng)}"
            case "sender":
                return rng.choice(["your practice's address", "noreply@therasoft.example", "the billing contact"])
            case "plan":
                return rng.choice(_PLANS)
            case "opener":
                return f"{_OPENER(rng)},"
            case "when":
                return _WHEN(rng)
            case "cond":
                return _CONDITION(rng)
            case "reason":
                return _REASON(rng)
            case "reason_cap":
                return _capital(_REASON(rng))
            case "result":
                return _RESULT(rng)
            case "result_cap":
                return _capital(_RESULT(rng))
            case "date":
                return self.date()
            case "month":
                return rng.choice(_MONTHS)
            case "year":
                return str(rng.randint(2019, 2026))
            case "weekday":
                return rng.choice(_WEEKDAYS)
            case "a_weekday":
                return f"a {rng.choice(_WEEKDAYS)}"
            case "ordinal":
                day = rng.choice([1, 1, 1, 15, 5, 10, 20, 28, 2, 3])
                return f"{day}{ORDINAL_SUFFIXES.get(day, 'th')}"
            case "time":
                return f"{rng.randint(1, 12)}:{rng.choice(['00', '30', '15', '45'])} {rng.choice(['am', 'pm'])}"
            case "amount":
                return self.amount()
            case "days":
                return str(rng.choice([1, 2, 3, 5, 7, 10, 14, 30, 30, 60, 90, 180]))
            case "hours":
                return str(rng.choice([1, 2, 4, 6, 12, 24, 24, 48, 72]))
            case "minutes":
                return str(rng.choice([1, 2, 5, 10, 15, 30]))
            case "years":
                return str(rng.choice([3, 6, 7, 10]))
            case "num":
                return str(rng.choice([5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, rng.randint(2, 400)]))
            case "small":
                return rng.choice(["two", "three", "four", "five"])
            case "percent":
                return str(rng.choice([5, 10, 20, 25, 50, 80, 90, rng.randint(1, 99)]))
            case "ref":
                return f"{rng.choice(_REF_PREFIXES)}-{rng.randint(2019, 2026)}-{rng.randint(1, 99999):05d}"
            case "last4":
                return f"{rng.randint(0, 9999):04d}"
        raise KeyError(name)


def _objects(topic: _Topic) -> list[str]:
    """What a topic's titles are about: each noun, alone and with a few of the topic's modifiers."""
    determiners = ["your", "a", "the"]
    objects = []
    for number, noun in enumerate(topic.nouns):
        mods = [topic.mods[(number * 3 + k) % len(topic.mods)] for k in range(3)]
        for variant, phrase in enumerate([noun, *(f"{mod} {noun}" for mod in mods)]):
            determiner = determiners[(number + variant) % len(determiners)]
            objects.append(_a(phrase) if determiner == "a" else f"{determiner} {phrase}")
    return objects


MAX_TITLE_LENGTH = 60


@functools.cache
def _title_plan(seed: int, key: str) -> list[tuple[str, str, str]]:
    """(form, verb, object) of every title a category can use, in an order that ignores its size."""
    topic = _topic(key)
    verbs = topic.verbs + [verb for verb in _list(GENERIC_VERBS)[:10] if verb not in topic.verbs]
    combos = [
        (form, verb, obj)
        for form in TITLE_FORMS
        for verb in verbs
        for obj in _objects(topic)
        # Lint refuses titles over 70 characters; " (part 2)" may still be added.
        if len(form.format(verb=verb, Verb=_capital(verb), object=obj)) <= MAX_TITLE_LENGTH
    ]
    random.Random(f"{seed}:{key}").shuffle(combos)
    return combos


def _title(seed: int, key: str, index: int) -> tuple[str, str, str]:
    """(title, verb, object) of article `index` of a category; unique within the category."""
    plan = _title_plan(seed, key)
    form, verb, obj = plan[index % len(plan)]
    title = form.format(verb=verb, Verb=_capital(verb), object=obj)
    if index >= len(plan):
        title = f"{title} (part {index // len(plan) + 1})"
    return title, verb, obj


def generate(seed: int, counts: list[int]) -> list[Category]:
    """A help centre with `counts[k]` articles in category k."""
    categories = [
        Category(key, title, f"{title}: answers and step-by-step guides for your practice.", icon)
        for key, title, icon in make_categories(len(counts))
    ]
    keys = [category.key for category in categories]
    for category, count in zip(categories, counts, strict=True):
        category.articles = [_article(seed, keys, category.key, count, index) for index in range(count)]
    return categories


# The share of sentences from SENTENCES; the others come from the grammar.
TEMPLATE_SHARE = 0.2
# Sentences in the paragraph before the steps, and in each of the one or two after them.
FIRST_PARAGRAPH_SENTENCES = [1, 2, 2, 3, 3, 4]
PARAGRAPH_SENTENCES = [1, 2, 3, 3, 4, 4, 5, 6, 7]


def _article(seed: int, keys: list[str], key: str, count: int, index: int) -> Article:
    rng = random.Random(f"{seed}:{key}:{index}")
    topic = _topic(key)
    title, verb, obj = _title(seed, key, index)
    prose = _Prose(rng, topic, verb, obj)
    page = topic.page(rng)
    # Other articles of the same category: indices of range(count) with this one left out.
    others = [other if other < index else other + 1 for other in range(count - 1)]

    def ref(other_key: str, other: int) -> str:
        return f"{other_key}/{_file_slug(other_key, _title(seed, other_key, other)[0])}"

    related: list[str] = []
    for _ in range(rng.randint(2, 3)):
        if others and rng.random() < 0.7:
            reference = ref(key, rng.choice(others))
        else:
            # Across categories, to the other category's first article, which every size has.
            other_key = rng.choice([k for k in keys if k != key])
            reference = ref(other_key, 0)
        if reference not in related:
            related.append(reference)
    links = []
    for other in rng.sample(others, min(len(others), rng.randint(2, 3))):
        other_title = _title(seed, key, other)[0]
        links.append((other_title, f"{_file_slug(key, other_title)}.md"))
    steps = [prose.fill(rng.choice(FIRST_STEPS))]
    steps += [prose.step() for _ in range(rng.randint(3, 5))]
    paragraphs = [" ".join(prose.sentence() for _ in range(rng.choice(FIRST_PARAGRAPH_SENTENCES)))]
    for _ in range(rng.randint(1, 2)):
        paragraphs.append(" ".join(prose.sentence() for _ in range(rng.choice(PARAGRAPH_SENTENCES))))
    if others and rng.random() < 0.25:
        other_title = _title(seed, key, rng.choice(others))[0]
        paragraphs[-1] += f" See also [{other_title}]({_file_slug(key, other_title)}.md)."
    tags: list[str] = []
    tag_count = rng.randint(3, 5)
    while len(tags) < tag_count:
        tag = topic.noun(rng) if rng.random() < 0.7 else prose.kind().nouns(rng)
        if tag not in tags:
            tags.append(tag)
    summary = rng.choice(SUMMARY_FORMS).format(verb=verb, Verb=_capital(verb), object=obj, page=page)
    return Article(
        category=key,
        index=index,
        id=(keys.index(key) + 1) * 100_000 + index + 1,
        title=title,
        slug=_file_slug(key, title),
        task=f"{verb} {obj}",
        summary=summary,
        tags=tags,
        related=related,
        links=links,
        steps=steps,
        paragraphs=paragraphs,
        promoted=rng.random() < 0.01,
    )


def article_markdown(article: Article) -> str:
    """The article's file: front matter like the real articles', then a few paragraphs and lists."""
    front_matter: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "summary": article.summary,
        "category": article.category,
        "tags": article.tags,
    }
    if article.promoted:
        front_matter["promoted"] = True
        front_matter["search"] = {"boost": 3}
    front_matter["related"] = article.related
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(article.steps, 1))
    links = "\n".join(f"- [{title}]({target})" for title, target in article.links)
    parts = [
        article.paragraphs[0],
        f"## Steps to {article.task}",
        steps,
        *article.paragraphs[1:],
    ]
    if links:
        parts += ["## Other things you can do", links]
    parts.append("For questions about this, please [contact our support team](contact:).")
    yaml_text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)
    return f"---\n{yaml_text}---\n\n" + "\n\n".join(parts) + "\n"


HOME = {"title": "How can we help?", "lead": "Search the help centre or browse by topic."}
CONTACT = {
    "title": "Still need help?",
    "text": "Contact our billing department",
    "url": "mailto:billing@example.com",
}


def _base_config(docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """What both sites share; mirrors the repository's mkdocs.yml."""
    return {
        "site_name": "Therasoft Help Centre",
        "site_description": "Answers and step-by-step guides for Therasoft.",
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Both sites must build without a single warning, or they would not be the same site.
        "strict": True,
        "theme": {
            "name": "material",
            "font": False,
            "language": "en",
            "icon": {"logo": "material/lifebuoy"},
            "palette": {"primary": "teal", "accent": "deep orange"},
            "features": [
                "navigation.indexes",
                "navigation.prune",
                "navigation.footer",
                "search.highlight",
                "search.suggest",
                "content.code.copy",
            ],
        },
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            {"toc": {"permalink": True}},
            "pymdownx.superfences",
            {"pymdownx.tasklist": {"custom_checkbox": True}},
        ],
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
    }


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_articles(docs_dir: Path, categories: list[Category]) -> None:
    for category in categories:
        for article in category.articles:
            _write(docs_dir / article.path, article.markdown)


# The repository's mkdocs.yml's synonyms: the vocabulary the browser loads carries them.
SEARCH_SYNONYMS = {
    "payment method": ["card on file", "credit card", "debit card"],
    "invoice": ["bill", "statement"],
    "log out": ["sign out"],
}


def write_helpcentre(root: Path, categories: list[Category]) -> Path:
    """Articles only: the plugin generates the home page, category pages and the nav.

    With the search the repository's mkdocs.yml has: the help centre's own search box over its
    own index (hc-search/), which the plugin always writes, so no Material search plugin (whose
    index would be built for nothing) and none of its features; the repository's synonyms, and no query
    reporting (there is no feedback service to report to).
    """
    _write_articles(root / "docs", categories)
    config = _base_config(root / "docs", root / "site")
    config["theme"]["features"] = [name for name in config["theme"]["features"] if not name.startswith("search.")]
    config["plugins"] = [
        LIGHTBOX,
        {
            "helpcentre": {
                "home": HOME,
                "contact": CONTACT,
                "search": {"synonyms": SEARCH_SYNONYMS, "report": ""},
                "categories": [
                    {"key": c.key, "title": c.title, "description": c.description, "icon": f"material/{c.icon}"}
                    for c in categories
                ],
            }
        },
    ]
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False))
    return root / "mkdocs.yml"


# Both sites use the repository's lightbox for screenshots, so it costs the same on each side.
LIGHTBOX = {"glightbox": {"zoomable": True, "draggable": False, "skip_classes": ["hc-no-lightbox"]}}


def _plain_page(front_matter: dict[str, Any], body: str) -> str:
    return f"---\n{yaml.safe_dump(front_matter, sort_keys=False)}---\n\n{body}\n"


def write_plain(root: Path, categories: list[Category]) -> Path:
    """The same articles, with the home and category pages written by hand and an explicit nav."""
    docs = root / "docs"
    _write_articles(docs, categories)
    promoted = sorted((a for c in categories for a in c.articles if a.promoted), key=lambda a: a.id)
    cards = "\n".join(
        f"- [{c.title}]({c.key}/index.md) — {len(c.articles)} articles. {c.description}" for c in categories
    )
    popular = "\n".join(f"- [{a.title}]({a.path}) — {a.summary}" for a in promoted)
    home = f"# {HOME['title']}\n\n{HOME['lead']}\n\n## Browse by topic\n\n{cards}\n"
    if popular:
        home += f"\n## Popular articles\n\n{popular}\n"
    home_meta = {"title": HOME["title"], "hide": ["navigation", "toc"], "search": {"exclude": True}}
    _write(docs / "index.md", _plain_page(home_meta, home))
    nav: list[Any] = [{"Home": "index.md"}]
    for category in categories:
        ordered = category.in_nav_order()
        listing = "\n".join(f"- [{a.title}]({a.slug}.md) — {a.summary}" for a in ordered)
        body = f"# {category.title}\n\n{category.description}\n\n{len(ordered)} articles\n\n{listing}"
        meta = {"title": category.title, "hide": ["toc"], "search": {"exclude": True}}
        _write(docs / category.key / "index.md", _plain_page(meta, body))
        nav.append({category.title: [f"{category.key}/index.md", *(a.path for a in ordered)]})
    config = _base_config(docs, root / "site")
    config["plugins"] = [{"search": {"lang": "en"}}, LIGHTBOX]
    config["nav"] = nav
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return root / "mkdocs.yml"


def split_counts(articles: int, categories: int) -> list[int]:
    """Articles a category, as even as they divide; the first categories take the remainder."""
    base, extra = divmod(articles, categories)
    return [base + (1 if number < extra else 0) for number in range(categories)]

// SPDX-License-Identifier: MIT
#pragma once

#include "content/validation.h"

#include <QCoreApplication>
#include <QString>

namespace tg {

struct ContentIssue;

/// The user's words for a page validation issue. The core checks carry English messages and a
/// stable code (ValidationIssue::Code); the window shows them in the UI's language by that code,
/// with the values the check found (lengths, limits, tag and attribute names).
class ValidationText
{
    Q_DECLARE_TR_FUNCTIONS(tg::ValidationText)
public:
    /// The translated text for `code` with its values (see ValidationIssue::args).
    static QString text(ValidationIssue::Code code, const QStringList &args);
    static QString text(const ValidationIssue &issue) { return text(issue.code, issue.args); }
    /// The translated text of a validation issue in a conversion result; other issues (converter
    /// warnings, HTML errors) keep their own message.
    static QString text(const ContentIssue &issue);
};

} // namespace tg

// SPDX-License-Identifier: MIT
#include "window/validationtext.h"

#include "workflow/contentconverter.h"

namespace tg {

QString ValidationText::text(ValidationIssue::Code code, const QStringList &args)
{
    using Code = ValidationIssue::Code;
    const QString a = args.value(0);
    const QString b = args.value(1);
    // Lengths and sizes are always above a limit, so English says them in the plural; %n gives
    // the other languages their forms for the number.
    const int n = a.toInt();
    switch (code) {
    case Code::TitleRequired:
        return tr("Title is required.");
    case Code::TitleTooLong:
        return tr("Title is %n characters; Telegraph allows at most %1.", nullptr, n).arg(b);
    case Code::AuthorNameTooLong:
        return tr("Author name is %n characters; Telegraph allows at most %1.", nullptr, n).arg(b);
    case Code::AuthorUrlTooLong:
        return tr("Author URL is %n characters; Telegraph allows at most %1.", nullptr, n).arg(b);
    case Code::ContentRequired:
        return tr("Content is required.");
    case Code::ContentTooBig:
        return tr("Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).", nullptr, n)
            .arg(b);
    case Code::ContentTextRequired:
        return tr("Content has no text; Telegraph needs some text on a page.");
    case Code::TagNotAllowed:
        return tr("Tag <%1> is not allowed in Telegraph content.").arg(a);
    case Code::AttributeInvalid:
        return tr("Attribute name \"%1\" on <%2> is not a valid HTML attribute name (letters, "
                  "digits, '-', '_', ':' and '.', starting with a letter).")
            .arg(a, b);
    case Code::TooDeep:
        return tr("Content is nested more than %1 levels deep.").arg(a);
    }
    return {};
}

QString ValidationText::text(const ContentIssue &issue)
{
    if (issue.validationCode < 0)
        return issue.message;
    const QString t = text(static_cast<ValidationIssue::Code>(issue.validationCode), issue.args);
    return t.isEmpty() ? issue.message : t;
}

} // namespace tg

// SPDX-License-Identifier: MIT
#include "content/validation.h"

#include <QPair>
#include <QSet>

namespace tg {

QString ValidationIssue::apiCode() const
{
    switch (code) {
    case Code::TitleRequired:
        return QStringLiteral("TITLE_REQUIRED");
    case Code::TitleTooLong:
        return QStringLiteral("TITLE_TOO_LONG");
    case Code::AuthorNameTooLong:
        return QStringLiteral("AUTHOR_NAME_TOO_LONG");
    case Code::AuthorUrlTooLong:
        return QStringLiteral("AUTHOR_URL_TOO_LONG");
    case Code::ContentRequired:
        return QStringLiteral("CONTENT_REQUIRED");
    case Code::ContentTooBig:
        return QStringLiteral("CONTENT_TOO_BIG");
    case Code::ContentTextRequired:
        return QStringLiteral("CONTENT_TEXT_REQUIRED");
    case Code::TagNotAllowed:
        return QStringLiteral("TAG_NOT_ALLOWED");
    case Code::AttributeInvalid:
        return QStringLiteral("ATTRIBUTE_INVALID");
    case Code::TooDeep:
        return QStringLiteral("CONTENT_FORMAT_INVALID");
    }
    return QStringLiteral("UNKNOWN_ERROR");
}

namespace {

ValidationIssue tooLong(ValidationIssue::Code code, const char *field, const char *label,
                        qsizetype length, qsizetype max)
{
    return {code,
            QString::fromLatin1(field),
            QString::fromLatin1(label) + QStringLiteral(" is ") + QString::number(length) +
                QStringLiteral(" characters; Telegraph allows at most ") + QString::number(max) +
                QLatin1Char('.'),
            {QString::number(length), QString::number(max)}};
}

/// A name from the content, short enough for a message.
QString shown(const QString &name)
{
    constexpr qsizetype MaxShown = 40;
    return name.size() > MaxShown ? name.left(MaxShown) + QChar(0x2026) : name;
}

} // namespace

QList<ValidationIssue> validatePage(const QString &title, const QString &authorName,
                                    const QString &authorUrl, const NodeList &content)
{
    using Code = ValidationIssue::Code;
    QList<ValidationIssue> issues;

    const qsizetype titleLength = codePointCount(title);
    if (title.trimmed().isEmpty())
        issues.append(
            {Code::TitleRequired, QStringLiteral("title"), QStringLiteral("Title is required.")});
    else if (titleLength > MaxTitleLength)
        issues.append(tooLong(Code::TitleTooLong, "title", "Title", titleLength, MaxTitleLength));

    const qsizetype nameLength = codePointCount(authorName);
    if (nameLength > MaxAuthorNameLength)
        issues.append(tooLong(Code::AuthorNameTooLong, "author_name", "Author name", nameLength,
                              MaxAuthorNameLength));
    const qsizetype urlLength = codePointCount(authorUrl);
    if (urlLength > MaxAuthorUrlLength)
        issues.append(tooLong(Code::AuthorUrlTooLong, "author_url", "Author URL", urlLength,
                              MaxAuthorUrlLength));

    const QString field = QStringLiteral("content");
    if (content.isEmpty()) {
        issues.append({Code::ContentRequired, field, QStringLiteral("Content is required.")});
        return issues;
    }

    // One iterative walk: depth, tags and text, safe on arbitrarily deep input.
    bool hasText = false;
    int deepest = 0;
    QStringList badTags;
    QSet<QString> seenBad;
    QList<QPair<QString, QString>> badAttributes; // name, tag
    QSet<QString> seenBadAttributes;
    QList<QPair<const NodeList *, qsizetype>> stack{{&content, 0}};
    while (!stack.isEmpty()) {
        auto &[list, index] = stack.last();
        if (index >= list->size()) {
            stack.removeLast();
            continue;
        }
        const Node &n = list->at(index++);
        const int depth = int(stack.size());
        if (n.isText()) {
            hasText = hasText || !n.textValue().trimmed().isEmpty();
            continue;
        }
        deepest = qMax(deepest, depth);
        const QString tag = n.tag();
        if (!isAllowedTag(tag) && !seenBad.contains(tag)) {
            seenBad.insert(tag);
            badTags.append(tag);
        }
        for (const auto &attr : n.attrs()) {
            if (!isValidAttributeName(attr.first) && !seenBadAttributes.contains(attr.first)) {
                seenBadAttributes.insert(attr.first);
                badAttributes.append({attr.first, tag});
            }
        }
        if (!n.children().isEmpty())
            stack.append({&n.children(), 0});
    }

    if (deepest > MaxNodeDepth) {
        issues.append({Code::TooDeep,
                       field,
                       QStringLiteral("Content is nested more than ") +
                           QString::number(MaxNodeDepth) + QStringLiteral(" levels deep."),
                       {QString::number(MaxNodeDepth)}});
    }
    for (const QString &tag : badTags) {
        issues.append({Code::TagNotAllowed,
                       field,
                       QStringLiteral("Tag <") + tag +
                           QStringLiteral("> is not allowed in Telegraph content."),
                       {tag}});
    }
    for (const auto &[name, tag] : std::as_const(badAttributes)) {
        issues.append({Code::AttributeInvalid,
                       field,
                       QStringLiteral("Attribute name \"") + shown(name) +
                           QStringLiteral("\" on <") + shown(tag) +
                           QStringLiteral("> is not a valid HTML attribute name (letters, digits, "
                                          "'-', '_', ':' and '.', starting with a letter)."),
                       {shown(name), shown(tag)}});
    }
    if (deepest <= MaxNodeDepth) {
        const qsizetype bytes = jsonSize(content);
        if (bytes > MaxContentBytes)
            issues.append({Code::ContentTooBig,
                           field,
                           QStringLiteral("Content is ") + QString::number(bytes) +
                               QStringLiteral(" bytes; Telegraph allows at most ") +
                               QString::number(MaxContentBytes) +
                               QStringLiteral(" bytes (64 KiB)."),
                           {QString::number(bytes), QString::number(MaxContentBytes)}});
    }
    if (!hasText)
        issues.append(
            {Code::ContentTextRequired, field,
             QStringLiteral("Content has no text; Telegraph needs some text on a page.")});
    return issues;
}

} // namespace tg

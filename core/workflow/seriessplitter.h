// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

#include "content/node.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tg {

/// Splits content that is too long for one Telegraph page into the parts of a series, and builds
/// the navigation of the parts and the index page. Pure logic: no widgets, no network.
///
/// Parts break before h3/h4 headings, packing as many whole sections as fit; a section that does
/// not fit on its own is split between its top-level blocks (paragraphs). Every part, once its
/// navigation (index, previous, next links) is appended, stays within the byte limit as
/// tg::jsonSize measures it.
class SeriesSplitter
{
    Q_DECLARE_TR_FUNCTIONS(tg::SeriesSplitter)

public:
    /// The outcome of split(): the parts' content, or an error when a single block is too big.
    struct Result
    {
        QList<NodeList> parts;
        QString error; ///< empty on success
        bool ok() const { return error.isEmpty(); }
    };

    /// Longest page URL the navigation budget allows for (Telegraph paths are far shorter).
    static constexpr int MaxUrlLength = 512;

    /// Splits content into parts of at most limit bytes each including navigation.
    static Result split(const NodeList &content, qsizetype limit);
    /// Splits at tg::MaxContentBytes.
    static Result split(const NodeList &content);

    /// The part's content followed by its navigation paragraph: a link to the index and, where
    /// given, to the previous and the next part (empty URLs are left out).
    static NodeList withNavigation(const NodeList &part, const QString &indexUrl,
                                   const QString &previousUrl, const QString &nextUrl);
    /// Content of the index page: an ordered list linking every part by its title.
    static NodeList indexContent(const QStringList &titles, const QStringList &urls);
    /// "Title (part n of m)".
    static QString partTitle(const QString &title, int number, int count);
};

} // namespace tg

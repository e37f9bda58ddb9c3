// SPDX-License-Identifier: MIT
#include "workflow/seriessplitter.h"

#include "content/validation.h"

#include <QCoreApplication>

namespace tg {

namespace {

bool startsSection(const Node &n)
{
    return n.isElement() && (n.tag() == QLatin1String("h3") || n.tag() == QLatin1String("h4"));
}

// Bytes a node adds inside a JSON array (without the separating comma).
qsizetype nodeBytes(const Node &n)
{
    return jsonSize(NodeList{n}) - 2;
}

// Size of a JSON array holding items totalling sum bytes.
qsizetype arrayBytes(qsizetype sum, qsizetype count)
{
    return 2 + sum + (count > 0 ? count - 1 : 0);
}

Node link(const QString &url, const QString &text)
{
    return Node::element(QStringLiteral("a"), {{QStringLiteral("href"), url}}, {Node::text(text)});
}

} // namespace

SeriesSplitter::Result SeriesSplitter::split(const NodeList &content)
{
    return split(content, MaxContentBytes);
}

SeriesSplitter::Result SeriesSplitter::split(const NodeList &content, qsizetype limit)
{
    Result out;
    // The navigation of a middle part with URLs of the longest allowed length.
    const QString longUrl(MaxUrlLength, QLatin1Char('x'));
    const qsizetype reserve = jsonSize(withNavigation({}, longUrl, longUrl, longUrl)) - 2 + 1;
    const qsizetype budget = limit - reserve; // for the part's own array
    if (budget <= 2) {
        out.error = SeriesSplitter::tr("The page limit is too small for the series navigation.");
        return out;
    }

    // Sections: runs of top-level nodes, each starting at an h3/h4 (the first may not).
    QList<NodeList> sections;
    for (const Node &n : content) {
        if (sections.isEmpty() || startsSection(n))
            sections.append(NodeList());
        sections.last().append(n);
    }

    NodeList current;
    qsizetype currentSum = 0;
    auto flush = [&] {
        if (!current.isEmpty())
            out.parts.append(current);
        current.clear();
        currentSum = 0;
    };
    auto fits = [&](qsizetype sum, qsizetype count) {
        return arrayBytes(sum, count) <= budget;
    };

    for (const NodeList &section : sections) {
        qsizetype sectionSum = 0;
        QList<qsizetype> sizes;
        sizes.reserve(section.size());
        for (const Node &n : section) {
            sizes.append(nodeBytes(n));
            sectionSum += sizes.last();
        }
        // The whole section joins the current part, or starts the next one.
        if (fits(currentSum + sectionSum, current.size() + section.size())) {
            current.append(section);
            currentSum += sectionSum;
            continue;
        }
        flush();
        if (fits(sectionSum, section.size())) {
            current = section;
            currentSum = sectionSum;
            continue;
        }
        // Oversize section: split between its top-level blocks.
        for (qsizetype i = 0; i < section.size(); ++i) {
            if (!fits(sizes[i], 1)) {
                out.parts.clear();
                out.error =
                    SeriesSplitter::tr("One block (%1 bytes) is larger than a whole page; split it "
                                       "into smaller paragraphs.")
                        .arg(sizes[i]);
                return out;
            }
            if (!fits(currentSum + sizes[i], current.size() + 1))
                flush();
            current.append(section[i]);
            currentSum += sizes[i];
        }
    }
    flush();
    return out;
}

NodeList SeriesSplitter::withNavigation(const NodeList &part, const QString &indexUrl,
                                        const QString &previousUrl, const QString &nextUrl)
{
    NodeList nav;
    auto add = [&nav](const Node &n) {
        if (!nav.isEmpty())
            nav.append(Node::text(QStringLiteral(" · ")));
        nav.append(n);
    };
    if (!previousUrl.isEmpty())
        add(link(previousUrl, SeriesSplitter::tr("← Previous part")));
    if (!indexUrl.isEmpty())
        add(link(indexUrl, SeriesSplitter::tr("Contents")));
    if (!nextUrl.isEmpty())
        add(link(nextUrl, SeriesSplitter::tr("Next part →")));
    NodeList out = part;
    if (!nav.isEmpty()) {
        out.append(Node::element(QStringLiteral("hr")));
        out.append(Node::element(QStringLiteral("p"), {}, nav));
    }
    return out;
}

NodeList SeriesSplitter::indexContent(const QStringList &titles, const QStringList &urls)
{
    NodeList items;
    for (qsizetype i = 0; i < titles.size() && i < urls.size(); ++i)
        items.append(Node::element(QStringLiteral("li"), {}, {link(urls[i], titles[i])}));
    return {Node::element(QStringLiteral("ol"), {}, items)};
}

QString SeriesSplitter::partTitle(const QString &title, int number, int count)
{
    return SeriesSplitter::tr("%1 (part %2 of %3)").arg(title).arg(number).arg(count);
}

} // namespace tg

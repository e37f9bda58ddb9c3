// SPDX-License-Identifier: MIT
#include "workflow/folderplan.h"

#include "content/htmlimport.h"
#include "content/markdown.h"
#include "content/validation.h"
#include "workflow/folderlinks.h"
#include "workflow/frontmatter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace tg {

int FolderPlan::count(FolderAction action) const
{
    return int(std::count_if(items.begin(), items.end(),
                             [action](const FolderPlanItem &i) { return i.action == action; }));
}

QString FolderPlan::actionName(FolderAction action)
{
    switch (action) {
    case FolderAction::Create:
        return QStringLiteral("create");
    case FolderAction::Update:
        return QStringLiteral("update");
    case FolderAction::Unchanged:
        return QStringLiteral("unchanged");
    case FolderAction::Series:
        return QStringLiteral("series");
    case FolderAction::Removed:
        return QStringLiteral("removed");
    case FolderAction::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString FolderPlan::actionText(FolderAction action)
{
    switch (action) {
    case FolderAction::Create:
        return tr("Create");
    case FolderAction::Update:
        return tr("Update");
    case FolderAction::Unchanged:
        return tr("Unchanged");
    case FolderAction::Series:
        return tr("Too big: series");
    case FolderAction::Removed:
        return tr("Removed");
    case FolderAction::Skipped:
        return tr("Skipped");
    }
    return {};
}

namespace {

bool isPageFile(const QString &name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    return suffix == u"md" || suffix == u"markdown" || suffix == u"html" || suffix == u"htm";
}

bool isHtmlFile(const QString &name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    return suffix == u"html" || suffix == u"htm";
}

/// A name that may not be published: control characters, undecodable bytes, a backslash.
bool hostileName(const QString &name)
{
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar::ReplacementCharacter ||
            c == u'\\')
            return true;
    }
    return false;
}

/// What the name shows in messages: control characters as '?', at most 200 characters.
QString shown(const QString &name)
{
    QString s = name.left(200);
    for (QChar &c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return s;
}

QString hashFile(QFile &f, qint64 limit, QByteArray *keep)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    qint64 total = 0;
    while (!f.atEnd() && total <= limit) {
        const QByteArray chunk = f.read(256 * 1024);
        if (chunk.isEmpty())
            break;
        total += chunk.size();
        h.addData(chunk);
        if (keep)
            keep->append(chunk);
    }
    return QString::fromLatin1(h.result().toHex());
}

struct Listed
{
    QString file;
    QString absolutePath;
    qint64 size = 0;
};

} // namespace

bool FolderPlanner::matchesGlob(const QString &file, const QString &glob)
{
    if (glob.isEmpty())
        return true;
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob));
    if (!re.isValid())
        return false;
    if (re.match(file).hasMatch())
        return true;
    return !glob.contains(u'/') && re.match(file.mid(file.lastIndexOf(u'/') + 1)).hasMatch();
}

QString FolderPlanner::contentHash(const FolderSource &source, const NodeList &content)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(source.title.toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(source.authorName.toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(source.authorUrl.toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(toJson(content));
    return QString::fromLatin1(h.result().toHex());
}

NodeList FolderPlanner::resolvedContent(const FolderPlan &plan, const FolderSource &source,
                                        const FolderMapping &mapping, const QString &placeholder,
                                        bool *complete)
{
    bool all = true;
    const NodeList out = FolderLinks::rewrite(
        source.content, [&](const QString &address, bool image) -> std::optional<QString> {
            QString fragment;
            const QString file = FolderLinks::resolve(source.file, address, &fragment);
            if (file.isEmpty())
                return std::nullopt;
            QString url;
            if (image) {
                const auto it = plan.images.constFind(file);
                if (it == plan.images.constEnd())
                    return std::nullopt;
                url = mapping.images.value(it->hash);
            } else {
                if (!plan.sourceIndex.contains(file))
                    return std::nullopt;
                url = mapping.pages.value(file).url;
                if (!url.isEmpty() && !fragment.isEmpty())
                    url += u'#' + fragment;
            }
            if (url.isEmpty()) {
                all = false;
                if (placeholder.isNull())
                    return std::nullopt;
                return placeholder;
            }
            return url;
        });
    if (complete)
        *complete = all;
    return out;
}

FolderPlan FolderPlanner::build(const QString &directory, const FolderPlanOptions &options)
{
    FolderPlan plan;
    plan.directory = directory;
    const QFileInfo rootInfo(directory);
    if (directory.isEmpty() || !rootInfo.exists()) {
        plan.error = tr("There is no folder %1.").arg(shown(directory));
        return plan;
    }
    if (!rootInfo.isDir()) {
        plan.error = tr("%1 is not a folder.").arg(shown(directory));
        return plan;
    }
    const QString root = rootInfo.canonicalFilePath();
    plan.directory = root;
    {
        QString error;
        std::optional<FolderMapping> mapping = FolderMapping::load(root, &error);
        if (!mapping) {
            plan.error = error;
            return plan;
        }
        plan.mapping = *mapping;
    }

    // 1. List the files, breadth first, bounded in entries, depth and count; folders are
    // entered once by their canonical path and never through a symbolic link.
    QList<Listed> listed;
    QSet<QString> skippedFiles; // their mapping entries are not "removed"
    auto skip = [&plan, &skippedFiles](const QString &file, const QString &reason) {
        skippedFiles.insert(file);
        FolderPlanItem item;
        item.file = shown(file);
        item.action = FolderAction::Skipped;
        item.reason = reason;
        plan.items.append(item);
    };
    QList<QPair<QString, int>> queue{{QString(), 0}}; // relative folder, depth
    QSet<QString> visited{root};
    int entries = 0;
    qint64 totalBytes = 0;
    bool truncated = false;
    for (qsizetype qi = 0; qi < queue.size() && !truncated; ++qi) {
        const QString relDir = queue.at(qi).first;
        const int depth = queue.at(qi).second;
        QDir dir(relDir.isEmpty() ? root : root + u'/' + relDir);
        const QFileInfoList list = dir.entryInfoList(
            QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
            QDir::Name);
        for (const QFileInfo &fi : list) {
            if (++entries > options.maxEntries) {
                plan.warnings << tr("Only the first %1 entries of the folder were looked at.")
                                     .arg(options.maxEntries);
                truncated = true;
                break;
            }
            const QString name = fi.fileName();
            if (name.startsWith(u'.'))
                continue;
            const QString rel = relDir.isEmpty() ? name : relDir + u'/' + name;
            if (fi.isDir()) {
                if (fi.isSymLink()) {
                    plan.warnings << tr("%1: a link to a folder, not followed.").arg(shown(rel));
                    continue;
                }
                if (depth + 1 > options.maxDepth) {
                    plan.warnings << tr("%1: nested deeper than %2 folders, not read.")
                                         .arg(shown(rel))
                                         .arg(options.maxDepth);
                    continue;
                }
                const QString canonical = fi.canonicalFilePath();
                if (canonical.isEmpty() || visited.contains(canonical))
                    continue;
                visited.insert(canonical);
                if (hostileName(name)) {
                    plan.warnings << tr("%1: a folder name that cannot be published, not read.")
                                         .arg(shown(rel));
                    continue;
                }
                queue.append({rel, depth + 1});
                continue;
            }
            if (!isPageFile(name))
                continue;
            if (hostileName(rel)) {
                skip(rel, tr("the name has characters that cannot be published"));
                continue;
            }
            if (fi.isSymLink()) {
                const QString target = fi.canonicalFilePath();
                if (target.isEmpty() || !target.startsWith(root + u'/')) {
                    skip(rel, tr("a link to a file outside the folder"));
                    continue;
                }
            }
            if (!fi.isFile()) {
                skip(rel, tr("not a regular file"));
                continue;
            }
            if (fi.size() > options.maxFileBytes) {
                skip(rel, tr("larger than %1 MiB").arg(options.maxFileBytes / (1024 * 1024)));
                continue;
            }
            if (int(listed.size()) >= options.maxFiles) {
                skip(rel, tr("more than %n file(s) in the folder", nullptr, options.maxFiles));
                continue;
            }
            if (totalBytes + fi.size() > options.maxTotalBytes) {
                skip(rel, tr("the folder's files exceed %1 MiB together")
                              .arg(options.maxTotalBytes / (1024 * 1024)));
                continue;
            }
            totalBytes += fi.size();
            listed.append({rel, fi.absoluteFilePath(), fi.size()});
        }
    }
    std::sort(listed.begin(), listed.end(),
              [](const Listed &a, const Listed &b) { return a.file < b.file; });

    // Wiki link targets: the path without its extension, else the file's base name.
    QHash<QString, QString> byPath;
    QHash<QString, QStringList> byName;
    for (const Listed &l : std::as_const(listed)) {
        const QString lower = l.file.toLower();
        byPath.insert(lower, l.file);
        const qsizetype dot = lower.lastIndexOf(u'.');
        const QString stem = dot > lower.lastIndexOf(u'/') ? lower.left(dot) : lower;
        if (!byPath.contains(stem))
            byPath.insert(stem, l.file);
        byName[stem.mid(stem.lastIndexOf(u'/') + 1)].append(l.file);
    }

    // 2. Read and convert each file.
    for (const Listed &l : std::as_const(listed)) {
        QFile f(l.absolutePath);
        if (!f.open(QIODevice::ReadOnly)) {
            skip(l.file, tr("cannot be read: %1").arg(f.errorString()));
            continue;
        }
        QByteArray bytes;
        FolderSource s;
        s.file = l.file;
        s.absolutePath = l.absolutePath;
        s.sourceHash = hashFile(f, options.maxFileBytes, &bytes);
        s.size = bytes.size();
        if (s.size > options.maxFileBytes) {
            skip(l.file, tr("larger than %1 MiB").arg(options.maxFileBytes / (1024 * 1024)));
            continue;
        }
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder.decode(bytes);
        if (decoder.hasError()) {
            skip(l.file, tr("not UTF-8 text"));
            continue;
        }
        const FrontMatter fm = FrontMatter::parse(text);
        s.body = text.mid(fm.bodyStart);
        s.authorName = fm.author;
        s.authorUrl = fm.authorUrl;
        s.format = isHtmlFile(l.file) ? DraftFormat::Html : DraftFormat::Markdown;
        if (s.format == DraftFormat::Html) {
            s.content = importHtml(s.body).nodes;
        } else {
            const QString fromDir = l.file.left(l.file.lastIndexOf(u'/') + 1).toLower();
            const QString expanded =
                FolderLinks::expandWikiLinks(s.body, [&](const QString &target) -> QString {
                    QString t = QDir::cleanPath(target.toLower());
                    if (t.startsWith(u'/'))
                        t.remove(0, 1);
                    if (const auto it = byPath.constFind(t); it != byPath.constEnd())
                        return u'/' + *it;
                    const QString name = t.mid(t.lastIndexOf(u'/') + 1);
                    const QStringList candidates = byName.value(name);
                    if (candidates.isEmpty())
                        return {};
                    for (const QString &c : candidates) {
                        if (c.toLower().startsWith(fromDir) &&
                            !c.mid(fromDir.size()).contains(u'/'))
                            return u'/' + c;
                    }
                    return u'/' + candidates.first();
                });
            s.content = markdownToNodes(expanded).nodes;
        }
        // The title: front matter, else the first heading (taken out when it opens the page),
        // else the file's name.
        s.title = fm.title;
        if (s.title.isEmpty()) {
            for (qsizetype i = 0; i < s.content.size(); ++i) {
                const Node &n = s.content.at(i);
                if (n.isElement() && (n.tag() == u"h3" || n.tag() == u"h4")) {
                    s.title = n.plainText().simplified().left(FrontMatter::MaxTitleLength);
                    if (i == 0 && !s.title.isEmpty())
                        s.content.removeFirst();
                    break;
                }
            }
        }
        if (s.title.isEmpty())
            s.title = QFileInfo(l.file).completeBaseName().left(FrontMatter::MaxTitleLength);
        bool hasText = false;
        for (const Node &n : std::as_const(s.content)) {
            if (!n.plainText().trimmed().isEmpty() || n.tag() == u"figure") {
                hasText = true;
                break;
            }
        }
        if (!hasText)
            s.content.append(Node::element(QStringLiteral("p"), {}, {Node::text(s.title)}));
        s.selected = matchesGlob(l.file, options.only);
        plan.sourceIndex.insert(s.file, int(plan.sources.size()));
        plan.sources.append(s);
    }

    // 3. Links and images.
    for (FolderSource &s : plan.sources) {
        QSet<QString> linked;
        FolderLinks::visit(s.content, [&](const QString &address, bool image) {
            const QString file = FolderLinks::resolve(s.file, address);
            if (file.isEmpty())
                return;
            if (!image) {
                if (plan.sourceIndex.contains(file)) {
                    if (file != s.file && !linked.contains(file)) {
                        linked.insert(file);
                        s.links.append(file);
                    }
                } else if (isPageFile(file) && s.selected) {
                    plan.warnings << tr("%1: the link to %2 leads to no file of the folder.")
                                         .arg(s.file, shown(file));
                }
                return;
            }
            if (plan.images.contains(file))
                return;
            const QFileInfo fi(root + u'/' + file);
            const QString canonical = fi.canonicalFilePath();
            if (!fi.isFile() || canonical.isEmpty() || !canonical.startsWith(root + u'/')) {
                if (s.selected)
                    plan.warnings << tr("%1: the image %2 is not a file of the folder.")
                                         .arg(s.file, shown(file));
                return;
            }
            if (fi.size() > options.maxImageBytes) {
                plan.warnings << tr("%1: the image %2 is larger than %3 MiB.")
                                     .arg(s.file, shown(file))
                                     .arg(options.maxImageBytes / (1024 * 1024));
                return;
            }
            QFile f(canonical);
            if (!f.open(QIODevice::ReadOnly)) {
                plan.warnings << tr("%1: the image %2 cannot be read.").arg(s.file, shown(file));
                return;
            }
            FolderImage img;
            img.file = file;
            img.absolutePath = canonical;
            img.size = fi.size();
            img.hash = hashFile(f, options.maxImageBytes, nullptr);
            plan.images.insert(file, img);
        });
    }

    // 4. Each file's action.
    const QString longUrl = QStringLiteral("https://telegra.ph/") + QString(64, u'x');
    for (int i = 0; i < plan.sources.size(); ++i) {
        FolderSource &s = plan.sources[i];
        if (!s.selected)
            continue;
        const NodeList estimate = resolvedContent(plan, s, plan.mapping, longUrl);
        s.tooBig = jsonSize(estimate) > MaxContentBytes;
        FolderPlanItem item;
        item.file = s.file;
        item.size = s.size;
        item.source = i;
        const auto entry = plan.mapping.pages.constFind(s.file);
        if (entry == plan.mapping.pages.constEnd() || entry->isPending()) {
            if (entry != plan.mapping.pages.constEnd())
                item.reason = tr("an interrupted run may have made its page");
            item.action = s.tooBig ? FolderAction::Series : FolderAction::Create;
        } else {
            item.pageUrl = entry->url;
            bool complete = true;
            const NodeList now = resolvedContent(plan, s, plan.mapping, QString(), &complete);
            if (options.force) {
                item.reason = tr("republished on request");
            } else if (entry->sourceHash != s.sourceHash) {
                item.reason = tr("the file changed");
            } else if (!complete || contentHash(s, now) != entry->contentHash) {
                item.reason = tr("its links or images changed");
            } else {
                item.action = FolderAction::Unchanged;
            }
            if (item.action != FolderAction::Unchanged)
                item.action = s.tooBig ? FolderAction::Series : FolderAction::Update;
        }
        plan.items.append(item);
    }
    for (auto it = plan.mapping.pages.constBegin(); it != plan.mapping.pages.constEnd(); ++it) {
        if (it->isPending() || plan.sourceIndex.contains(it.key()) ||
            skippedFiles.contains(it.key()) || !matchesGlob(it.key(), options.only))
            continue;
        FolderPlanItem item;
        item.file = it.key();
        item.action = FolderAction::Removed;
        item.pageUrl = it->url;
        item.reason = tr("the file is gone");
        plan.items.append(item);
    }
    std::sort(plan.items.begin(), plan.items.end(),
              [](const FolderPlanItem &a, const FolderPlanItem &b) { return a.file < b.file; });
    return plan;
}

} // namespace tg

// SPDX-License-Identifier: MIT
#include "preview/contentmeter.h"

#include "window/validationtext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QVBoxLayout>

namespace tg {

namespace {
constexpr int LineRole = Qt::UserRole + 1;
constexpr int ColumnRole = Qt::UserRole + 2;
constexpr int FieldRole = Qt::UserRole + 3;
} // namespace

ContentMeter::ContentMeter(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_size(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("contentMeter"));
    m_bar->setObjectName(QStringLiteral("contentBar"));
    m_bar->setRange(0, int(contentLimitBytes()));
    // The size is a label beside the bar: a progress bar's own text disappears right to left
    // (Fusion clips it against the mirrored chunk) and is elided in narrow previews.
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Content size"));
    m_bar->setMaximumHeight(m_bar->fontMetrics().height());
    m_size->setObjectName(QStringLiteral("contentSize"));
    m_summary->setObjectName(QStringLiteral("contentSummary"));
    m_list->setObjectName(QStringLiteral("issueList"));
    m_list->setAccessibleName(tr("Warnings"));
    m_list->setMaximumHeight(120);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_bar, 1);
    sizeRow->addWidget(m_size);
    layout->addLayout(sizeRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(LineRole).toInt();
        if (line > 0)
            Q_EMIT issueActivated(line, qMax(1, item->data(ColumnRole).toInt()));
        else if (!item->data(FieldRole).toString().isEmpty())
            Q_EMIT fieldActivated(item->data(FieldRole).toString());
    });
    connect(m_list, &QListWidget::itemClicked, m_list, &QListWidget::itemActivated);
    setResult({});
}

void ContentMeter::setErrorsAsked(bool asked)
{
    if (asked == m_errorsAsked)
        return;
    m_errorsAsked = asked;
    setResult(m_result);
}

QString ContentMeter::summary() const
{
    return m_summary->text();
}

void ContentMeter::setResult(const ConversionResult &r)
{
    m_result = r;
    m_bytes = r.bytes;
    const qsizetype limit = contentLimitBytes();
    m_bar->setValue(int(qMin(r.bytes, limit)));
    const QString size = tr("%1 of %2 KiB")
                             .arg(QLocale().toString(double(r.bytes) / 1024.0, 'f', 1),
                                  QLocale().toString(limit / 1024));
    m_size->setText(size);
    m_bar->setAccessibleDescription(size);
    const bool over = r.bytes > limit;
    m_bar->setStyleSheet(over ? QStringLiteral("QProgressBar::chunk { background: #c0392b; }")
                              : QString());
    int errors = 0, warnings = 0;
    m_list->clear();
    for (const ContentIssue &i : r.issues) {
        const bool error = i.severity == ContentIssue::Severity::Error;
        (error ? errors : warnings) += 1;
        // Before the writer asked to publish, what blocks it is a hint, not a fault.
        const QStyle::StandardPixmap icon = !error          ? QStyle::SP_MessageBoxWarning
                                            : m_errorsAsked ? QStyle::SP_MessageBoxCritical
                                                            : QStyle::SP_MessageBoxInformation;
        auto *item =
            new QListWidgetItem(style()->standardIcon(icon), ValidationText::text(i), m_list);
        item->setData(LineRole, i.line);
        item->setData(ColumnRole, i.column);
        item->setData(FieldRole, i.field);
        if (i.line > 0)
            item->setToolTip(tr("Line %1, column %2").arg(i.line).arg(i.column));
    }
    m_summary->setStyleSheet(errors > 0 && m_errorsAsked ? QStringLiteral("color: #c0392b;")
                                                         : QString());
    if (errors == 0 && warnings == 0)
        m_summary->setText(tr("Ready to publish"));
    else if (errors > 0 && !m_errorsAsked)
        m_summary->setText(tr("%n thing(s) to do before publishing", nullptr, errors) +
                           (warnings > 0
                                ? QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings)
                                : QString()));
    else
        m_summary->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                           tr("%n warning(s)", nullptr, warnings));
    m_list->setVisible(!r.issues.isEmpty());
}

QStringList ContentMeter::messages() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->text());
    return out;
}

} // namespace tg

// SPDX-License-Identifier: MIT
namespace tg { void pagesAnchor() {} }

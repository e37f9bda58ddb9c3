// SPDX-License-Identifier: MIT
// Intentionally empty: gives tg_testsupport a translation unit of its own.
namespace tg::test {
void testSupportAnchor() {}
} // namespace tg::test

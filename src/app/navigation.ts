/**
 * The service navigation: each item shows only to users whose roles allow its permission, and the start
 * page sends a user to the first item they may open. Modules add their item here.
 */
import type { NavigationItem } from '../platform/http/setup-views.ts';

export const navigation: readonly NavigationItem[] = [
  { text: 'Dashboard', href: '/dashboard', permission: 'case:read' },
  { text: 'People', href: '/people', permission: 'case:read' },
  { text: 'Alerts', href: '/alerts', permission: 'case:read' },
  { text: 'Complaints', href: '/complaints', permission: 'complaints:manage' },
  { text: 'Remedies', href: '/remedies', permission: 'complaints:manage' },
  { text: 'My actions', href: '/my-actions', permission: 'case:read' },
  { text: 'Panel', href: '/panel', permission: 'case:read' },
  { text: 'Providers', href: '/providers', permission: 'case:read' },
  { text: 'Import register', href: '/admin/import-register', permission: 'register:import' },
  { text: 'Audit trail', href: '/audit', permission: 'audit:read' },
];

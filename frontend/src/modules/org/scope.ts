/**
 * The stores a staff account works in: every store for HQ, its region's for REGION, its own for
 * STORE. Filters and the cashier's store choice offer only these (the server refuses the rest).
 */
import type { Role } from '@/generated/schema'

interface ScopedStore {
  id: string
  isActive: boolean
  region: { id: string }
}

interface Scope {
  role: Role
  region: { id: string } | null
  store: { id: string } | null
}

export function storesInScope<S extends ScopedStore>(stores: readonly S[], staff: Scope): S[] {
  const active = stores.filter((store) => store.isActive)
  switch (staff.role) {
    case 'HQ':
      return active
    case 'REGION':
      return active.filter((store) => store.region.id === staff.region?.id)
    case 'STORE':
      return active.filter((store) => store.id === staff.store?.id)
  }
}

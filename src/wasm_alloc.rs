//! The WebAssembly modules' allocator: size classes of powers of two, each with a free list.
//!
//! The content module lives for hours in a Dashboard tab but allocates little and in few sizes
//! (strings, small vectors, notes). A general-purpose allocator (dlmalloc, the standard
//! library's) was 3 % of the module; this one is a few hundred bytes:
//!
//! - a request of `size` bytes aligned to `align` gets a block of the smallest power of two at
//!   least `max(size, align, 8)` — its class;
//! - every block is aligned to its own size, so any block of a class serves any request of it;
//! - freed blocks go onto their class's list and are handed out again first;
//! - new blocks are cut from the end of memory, which grows a few pages at a time; the gap
//!   that aligning a block leaves behind is cut into smaller aligned blocks for the free lists,
//!   so no byte is lost.
//!
//! Blocks are never merged or returned (WebAssembly memory cannot shrink): memory is bounded by
//! the most that was ever live in each class, rounded up to a power of two. The logic is plain
//! integer arithmetic over addresses, tested natively; only [`Memory::grow`] touches the wasm
//! memory.

/// Classes: blocks of 8 B << class, for classes 0 (8 B) to 28 (2 GiB).
const CLASSES: usize = 29;

/// One WebAssembly page.
pub const PAGE: usize = 65_536;

/// Where new memory comes from: `grow(pages)` returns the address of `pages` new pages, or
/// `None` when memory cannot grow.
pub trait Memory {
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// The allocator's state: one free list per class, and the unused end of the last growth.
pub struct Heap {
    /// The first free block of each class (0: none). A free block holds the next one's address.
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

/// The class of a request, or `None` beyond the largest class.
pub fn class(size: usize, align: usize) -> Option<usize> {
    let n = size.max(align).max(8);
    let c = (usize::BITS - (n - 1).leading_zeros()) as usize - 3;
    (c < CLASSES).then_some(c)
}

const fn block(class: usize) -> usize {
    8 << class
}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// A block of `class`, or `None` when memory is exhausted.
    ///
    /// # Safety
    /// Every address on a free list (and `next..end`) is memory this heap owns.
    pub unsafe fn alloc(&mut self, class: usize, memory: &mut impl Memory) -> Option<usize> {
        let head = self.free[class];
        if head != 0 {
            // SAFETY: a free block holds the next free block's address.
            self.free[class] = unsafe { (head as *const usize).read() };
            return Some(head);
        }
        let size = block(class);
        loop {
            let aligned = self.next.checked_add(size - 1)? & !(size - 1);
            if aligned.checked_add(size)? <= self.end {
                // SAFETY: next..aligned is owned and unused.
                unsafe { self.release(self.next, aligned) };
                self.next = aligned + size;
                return Some(aligned);
            }
            // Enough pages for the block wherever the growth lands, and a few more.
            let pages = ((2 * size).div_ceil(PAGE)).max(4);
            let base = memory.grow(pages)?;
            if base != self.end {
                // Not contiguous (the first growth): keep what was left of the last one.
                // SAFETY: next..end is owned and unused.
                unsafe { self.release(self.next, self.end) };
                self.next = base;
            }
            self.end = base + pages * PAGE;
        }
    }

    /// Puts a block of `class` back on its free list.
    ///
    /// # Safety
    /// `addr` is a block of `class` that this heap handed out and nobody uses any more.
    pub unsafe fn dealloc(&mut self, addr: usize, class: usize) {
        // SAFETY: the block is ours, at least 8 bytes, and aligned to its size.
        unsafe { (addr as *mut usize).write(self.free[class]) };
        self.free[class] = addr;
    }

    /// Hands the unused range `from..to` (multiples of 8) to the free lists, as the largest
    /// blocks that are aligned to their size.
    unsafe fn release(&mut self, mut from: usize, to: usize) {
        while from < to {
            let aligned_to = from & from.wrapping_neg();
            let room = 1usize << (usize::BITS - 1 - (to - from).leading_zeros());
            let piece = aligned_to.min(room);
            if let Some(c) = class(piece, 8).filter(|&c| block(c) == piece) {
                // SAFETY: from..from + piece is owned and unused.
                unsafe { self.dealloc(from, c) };
            }
            from += piece;
        }
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod global {
    use super::{class, Heap, Memory};
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    struct WasmMemory;

    impl Memory for WasmMemory {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            let previous = core::arch::wasm32::memory_grow(0, pages);
            (previous != usize::MAX).then(|| previous * super::PAGE)
        }
    }

    struct Allocator(UnsafeCell<Heap>);

    // SAFETY: WebAssembly without the atomics feature runs one thread.
    unsafe impl Sync for Allocator {}

    #[global_allocator]
    static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap::new()));

    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let Some(c) = class(layout.size(), layout.align()) else {
                return std::ptr::null_mut();
            };
            // SAFETY: one thread, and no allocation happens while the heap is borrowed.
            let heap = unsafe { &mut *self.0.get() };
            unsafe { heap.alloc(c, &mut WasmMemory) }.map_or(std::ptr::null_mut(), |a| a as *mut u8)
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if let Some(c) = class(layout.size(), layout.align()) {
                // SAFETY: as in alloc; the caller gives back a block it got with this layout.
                unsafe { (*self.0.get()).dealloc(ptr as usize, c) };
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // Growing or shrinking within the block's class keeps the block.
            if class(layout.size(), layout.align()) == class(new_size, layout.align()) {
                return ptr;
            }
            // SAFETY: the standard contract of realloc, done as alloc + copy + dealloc.
            unsafe {
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Pages from one big aligned native allocation, handed out in order, as wasm memory grows.
    struct Arena {
        base: usize,
        pages: usize,
        used: usize,
    }

    impl Arena {
        fn new(pages: usize) -> Arena {
            let layout = std::alloc::Layout::from_size_align(pages * PAGE, PAGE).expect("layout");
            // SAFETY: a non-zero size; leaked on purpose for the test's lifetime.
            let base = unsafe { std::alloc::alloc(layout) } as usize;
            assert_ne!(base, 0);
            Arena {
                base,
                pages,
                used: 0,
            }
        }
    }

    impl Memory for Arena {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            if self.used + pages > self.pages {
                return None;
            }
            let at = self.base + self.used * PAGE;
            self.used += pages;
            Some(at)
        }
    }

    #[test]
    fn classes() {
        assert_eq!(class(0, 1), Some(0));
        assert_eq!(class(8, 8), Some(0));
        assert_eq!(class(9, 1), Some(1));
        assert_eq!(class(16, 16), Some(1));
        assert_eq!(class(1, 64), Some(3));
        assert_eq!(class(65_536, 1), Some(13));
        assert_eq!(class(1 << 31, 1), Some(28));
        assert_eq!(class((1 << 31) + 1, 1), None);
    }

    /// Random allocations and frees: every block is aligned to its size, none overlaps a live
    /// one, and repeating the same pattern after freeing everything needs no new memory.
    #[test]
    fn blocks_are_aligned_disjoint_and_reused() {
        let mut arena = Arena::new(1024);
        let mut heap = Heap::new();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut used_after_first_round = 0;
        for round in 0..3 {
            let mut live: BTreeMap<usize, usize> = BTreeMap::new();
            let mut order = Vec::new();
            for _ in 0..5_000 {
                let r = rand();
                if r % 3 == 0 && !order.is_empty() {
                    let (addr, c) = order.swap_remove((r as usize / 3) % order.len());
                    live.remove(&addr);
                    // SAFETY: handed out by this heap and not yet freed.
                    unsafe { heap.dealloc(addr, c) };
                    continue;
                }
                let size = match r % 10 {
                    0 => (r >> 8) as usize % 200_000,
                    _ => (r >> 8) as usize % 300,
                };
                let c = class(size, 1 << ((r >> 40) % 4)).expect("class");
                // SAFETY: the heap owns only arena memory.
                let addr = unsafe { heap.alloc(c, &mut arena) }.expect("memory");
                let len = block(c);
                assert_eq!(addr % len, 0, "aligned to its size");
                if let Some((&a, &l)) = live.range(..addr + len).next_back() {
                    assert!(a + l <= addr, "overlaps the block at {a:#x}");
                }
                // Writing the whole block must not disturb any other block's free-list link.
                // SAFETY: the block is ours and `len` bytes long.
                unsafe { std::ptr::write_bytes(addr as *mut u8, 0xA5, len) };
                live.insert(addr, len);
                order.push((addr, c));
            }
            for (addr, c) in order.drain(..) {
                // SAFETY: handed out by this heap and not yet freed.
                unsafe { heap.dealloc(addr, c) };
            }
            if round == 0 {
                used_after_first_round = arena.used;
            }
        }
        assert!(
            arena.used <= used_after_first_round * 2,
            "memory keeps growing: {} pages after the first round, {} after three",
            used_after_first_round,
            arena.used
        );
    }

    #[test]
    fn exhausted_memory_is_none_not_a_crash() {
        let mut arena = Arena::new(4);
        let mut heap = Heap::new();
        let c = class(1 << 20, 1).expect("class");
        // SAFETY: the heap owns only arena memory.
        assert_eq!(unsafe { heap.alloc(c, &mut arena) }, None);
        assert!(unsafe { heap.alloc(0, &mut arena) }.is_some());
    }
}

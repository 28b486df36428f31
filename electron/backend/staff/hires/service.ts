/**
 * External hire lives in the assignments register (the assignments of the kinds ZZP, inhuurbureau and
 * detachering); the staff area reads it through here, so its formation, forecast and package code keep
 * one import for it.
 */
export { loadHires } from '../../assignments/hires.ts';

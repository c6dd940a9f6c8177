declare module 'bootstrap/js/dist/collapse'
